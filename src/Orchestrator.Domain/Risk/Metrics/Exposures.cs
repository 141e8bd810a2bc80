namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Market exposure in currency: <paramref name="Long"/> = Σ of the positive position values, <paramref name="Short"/> =
/// Σ |negative position values|, <paramref name="Net"/> = long − short (the signed sum, = the invested amount).
/// </summary>
public sealed record Exposures(decimal Long, decimal Short, decimal Net)
{
    /// <summary>The exposures of <paramref name="positions"/>, exactly (decimal).</summary>
    public static Exposures Of(IEnumerable<Holding> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var (longSide, shortSide) = (0m, 0m);
        foreach (var position in positions)
        {
            var value = position.Value;
            if (value > 0m)
            {
                longSide += value;
            }
            else
            {
                shortSide -= value;
            }
        }
        return new Exposures(longSide, shortSide, longSide - shortSide);
    }
}
