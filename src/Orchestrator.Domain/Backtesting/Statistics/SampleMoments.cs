namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// The sample statistics Lean takes from MathNet.Numerics (<c>MathNet.Numerics.Statistics</c>), with MathNet's
/// definitions: the n − 1 (sample) variance and covariance, and the bias-corrected skewness and excess kurtosis of
/// <c>RunningStatistics</c>. Like MathNet they return NaN where the estimate needs more samples than given
/// (variance and covariance 2, skewness 3, kurtosis 4) or where the samples do not vary. Computed in two passes
/// around the mean; MathNet accumulates the same sums in one pass, so the two can differ in the last bits.
/// </summary>
internal static class SampleMoments
{
    public static double Mean(IReadOnlyList<double> x)
    {
        var sum = 0.0;
        foreach (var value in x)
        {
            sum += value;
        }
        return sum / x.Count;
    }

    /// <summary>Σ(x − mean)² ÷ (n − 1).</summary>
    public static double Variance(IReadOnlyList<double> x) =>
        x.Count < 2 ? double.NaN : CentralSum(x, 2) / (x.Count - 1);

    public static double StandardDeviation(IReadOnlyList<double> x) => Math.Sqrt(Variance(x));

    /// <summary>Σ(x − mean x)(y − mean y) ÷ (n − 1).</summary>
    public static double Covariance(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Both series must have the same length.");
        }
        if (x.Count < 2)
        {
            return double.NaN;
        }
        var (meanX, meanY) = (Mean(x), Mean(y));
        var sum = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            sum += (x[i] - meanX) * (y[i] - meanY);
        }
        return sum / (x.Count - 1);
    }

    /// <summary>Adjusted Fisher–Pearson skewness: n·√(n − 1) ÷ (n − 2) · m₃ ÷ m₂^1.5, with mₖ = Σ(x − mean)ᵏ.</summary>
    public static double Skewness(IReadOnlyList<double> x)
    {
        double n = x.Count;
        if (n < 3)
        {
            return double.NaN;
        }
        var (m2, m3) = (CentralSum(x, 2), CentralSum(x, 3));
        return n * Math.Sqrt(n - 1) / (n - 2) * (m3 / Math.Pow(m2, 1.5));
    }

    /// <summary>
    /// Bias-corrected excess kurtosis (0 for a normal distribution):
    /// (n² − 1) ÷ ((n − 2)(n − 3)) · (n·m₄ ÷ m₂² − 3 + 6 ÷ (n + 1)).
    /// </summary>
    public static double Kurtosis(IReadOnlyList<double> x)
    {
        double n = x.Count;
        if (n < 4)
        {
            return double.NaN;
        }
        var (m2, m4) = (CentralSum(x, 2), CentralSum(x, 4));
        return (n * n - 1) / ((n - 2) * (n - 3)) * (n * m4 / (m2 * m2) - 3 + 6 / (n + 1));
    }

    private static double CentralSum(IReadOnlyList<double> x, int power)
    {
        var mean = Mean(x);
        var sum = 0.0;
        foreach (var value in x)
        {
            var d = value - mean;
            sum += power switch { 2 => d * d, 3 => d * d * d, _ => d * d * d * d };
        }
        return sum;
    }
}
