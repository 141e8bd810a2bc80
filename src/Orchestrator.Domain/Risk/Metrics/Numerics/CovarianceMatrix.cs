namespace Orchestrator.Domain.Risk.Metrics.Numerics;

/// <summary>
/// A symmetric n × n sample covariance matrix of daily returns: Σᵢⱼ = Σₜ (rᵢ(t) − r̄ᵢ)(rⱼ(t) − r̄ⱼ) ÷ (T − 1), the
/// unbiased (n − 1) estimator MathNet's <c>Statistics.Covariance</c> uses. Stored row-major in one array.
/// </summary>
public sealed class CovarianceMatrix
{
    private readonly double[] _cells;

    private CovarianceMatrix(int size, double[] cells)
    {
        Size = size;
        _cells = cells;
    }

    /// <summary>Number of rows (and columns).</summary>
    public int Size { get; }

    /// <summary>Σᵢⱼ.</summary>
    public double this[int i, int j] => _cells[i * Size + j];

    /// <summary>Row <paramref name="i"/>, Σᵢ₀ … Σᵢ₍ₙ₋₁₎.</summary>
    public ReadOnlySpan<double> Row(int i) => _cells.AsSpan(i * Size, Size);

    /// <summary>
    /// The sample covariance of <paramref name="returns"/> (symbol-major: <c>returns[i][t]</c>), at least 2 days each.
    /// Each symbol's returns are centred once; each cell is then one vectorized dot product of two centred series
    /// (the lower triangle only, mirrored), rows spread over the cores. Every cell is computed by one thread in a
    /// fixed order, so the result does not depend on scheduling.
    /// </summary>
    public static CovarianceMatrix FromReturns(double[][] returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var n = returns.Length;
        var days = n == 0 ? 0 : returns[0].Length;
        if (n > 0 && days < 2)
        {
            throw new ArgumentException("A covariance needs at least 2 days.", nameof(returns));
        }
        var centred = new double[n][];
        for (var i = 0; i < n; i++)
        {
            if (returns[i].Length != days)
            {
                throw new ArgumentException("All return series must have the same length.", nameof(returns));
            }
            centred[i] = Centre(returns[i]);
        }

        var cells = new double[n * n];
        var scale = 1.0 / (days - 1);
        Parallel.For(0, n, i =>
        {
            var row = centred[i];
            for (var j = 0; j <= i; j++)
            {
                var c = VectorOps.Dot(row, centred[j]) * scale;
                cells[i * n + j] = c;
                cells[j * n + i] = c;
            }
        });
        return new CovarianceMatrix(n, cells);
    }

    private static double[] Centre(double[] x)
    {
        var mean = 0.0;
        foreach (var value in x)
        {
            mean += value;
        }
        mean /= x.Length;
        var centred = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            centred[t] = x[t] - mean;
        }
        return centred;
    }
}
