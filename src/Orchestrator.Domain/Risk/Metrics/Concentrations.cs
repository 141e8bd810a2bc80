namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Where the gross exposure sits: each symbol's (or sector's) |position value| ÷ Σ |position values|. Shorts count by
/// their size, as a short's loss grows with it as a long's does; cash is not in the denominator, so the shares sum to 1
/// (to decimal's 28 digits) whatever the leverage. Positions without a sector (null or blank) count as
/// <see cref="UnknownSector"/>. An empty or all-zero book has no concentrations (empty maps).
/// </summary>
public static class Concentrations
{
    /// <summary>The sector of positions whose sector is not known.</summary>
    public const string UnknownSector = "UNKNOWN";

    /// <summary>Symbol → share of gross exposure.</summary>
    public static IReadOnlyDictionary<string, decimal> BySymbol(IReadOnlyList<Holding> positions) =>
        Shares(positions, p => p.Symbol);

    /// <summary>Sector → share of gross exposure.</summary>
    public static IReadOnlyDictionary<string, decimal> BySector(IReadOnlyList<Holding> positions) =>
        Shares(positions, p => string.IsNullOrWhiteSpace(p.Sector) ? UnknownSector : p.Sector);

    private static Dictionary<string, decimal> Shares(IReadOnlyList<Holding> positions, Func<Holding, string> key)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var gross = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var total = 0m;
        foreach (var position in positions)
        {
            var size = Math.Abs(position.Value);
            gross[key(position)] = gross.GetValueOrDefault(key(position)) + size;
            total += size;
        }
        var shares = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (total == 0m)
        {
            return shares;
        }
        foreach (var (name, size) in gross.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            shares[name] = size / total;
        }
        return shares;
    }
}
