namespace Orchestrator.Domain.Risk;

/// <summary>A symbol whose returns correlate with another's beyond the matrix's threshold, and the correlation.</summary>
public readonly record struct Correlated(string Symbol, double Rho);

/// <summary>
/// The pairwise return correlations the max_correlation_exposure rule reads, reduced at construction to what it
/// needs: per symbol, the other symbols with |ρ| &gt; <see cref="Threshold"/> (a strongly negative correlation
/// matters too: a long in one and a short in the other lose together). Built once per estimate (daily, say) so
/// a check walks only a symbol's few strong neighbours, never the whole matrix. ρ is a statistic, not money:
/// <see cref="double"/>, as estimators produce it.
/// </summary>
public sealed class CorrelationMatrix
{
    /// <summary>The usual cut-off for "highly correlated".</summary>
    public const double DefaultThreshold = 0.7;

    private readonly Dictionary<string, Correlated[]> _neighbours;

    /// <summary>From the pairs (a, b, ρ) in any order; a pair given twice must agree, a symbol with itself is ignored.</summary>
    public CorrelationMatrix(IEnumerable<(string A, string B, double Rho)> pairs, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (!(threshold is > 0.0 and < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be in (0, 1).");
        }

        Threshold = threshold;
        var seen = new Dictionary<(string, string), double>();
        var neighbours = new Dictionary<string, List<Correlated>>(StringComparer.Ordinal);
        foreach (var (a, b, rho) in pairs)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(a);
            ArgumentException.ThrowIfNullOrWhiteSpace(b);
            if (!(rho is >= -1.0 and <= 1.0))
            {
                throw new ArgumentException($"The correlation of {a} and {b} is {rho}, outside [-1, 1].", nameof(pairs));
            }

            if (string.Equals(a, b, StringComparison.Ordinal))
            {
                continue;
            }

            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (seen.TryGetValue(key, out var earlier))
            {
                if (earlier != rho)
                {
                    throw new ArgumentException($"The correlation of {a} and {b} is given as both {earlier} and {rho}.", nameof(pairs));
                }

                continue;
            }

            seen.Add(key, rho);
            if (Math.Abs(rho) > threshold)
            {
                Add(neighbours, a, new Correlated(b, rho));
                Add(neighbours, b, new Correlated(a, rho));
            }
        }

        _neighbours = neighbours.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>No correlations known: every symbol stands alone.</summary>
    public static CorrelationMatrix Empty { get; } = new([]);

    /// <summary>|ρ| above this counts as moving together.</summary>
    public double Threshold { get; }

    /// <summary>From a full symmetric matrix (rows and columns in <paramref name="symbols"/>' order), as an estimator returns it.</summary>
    public static CorrelationMatrix FromMatrix(IReadOnlyList<string> symbols, double[,] rho, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(rho);
        var n = symbols.Count;
        if (rho.GetLength(0) != n || rho.GetLength(1) != n)
        {
            throw new ArgumentException($"The matrix is {rho.GetLength(0)} x {rho.GetLength(1)} for {n} symbols.", nameof(rho));
        }

        var pairs = new List<(string, string, double)>(n * (n - 1) / 2);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (Math.Abs(rho[i, j] - rho[j, i]) > 1e-9)
                {
                    throw new ArgumentException($"The matrix is not symmetric at {symbols[i]}, {symbols[j]}.", nameof(rho));
                }

                pairs.Add((symbols[i], symbols[j], rho[i, j]));
            }
        }

        return new CorrelationMatrix(pairs, threshold);
    }

    /// <summary>The other symbols with |ρ| &gt; <see cref="Threshold"/> against <paramref name="symbol"/>.</summary>
    public ReadOnlySpan<Correlated> CorrelatedWith(string symbol) =>
        _neighbours.TryGetValue(symbol, out var list) ? list : ReadOnlySpan<Correlated>.Empty;

    private static void Add(Dictionary<string, List<Correlated>> neighbours, string symbol, Correlated other)
    {
        if (!neighbours.TryGetValue(symbol, out var list))
        {
            neighbours[symbol] = list = [];
        }

        list.Add(other);
    }
}
