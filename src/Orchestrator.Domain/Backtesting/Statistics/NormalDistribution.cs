namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// The standard normal cumulative distribution, Φ(x) = ½·erfc(−x ÷ √2), which Lean takes from MathNet
/// (<c>new Normal().CumulativeDistribution(x)</c>) for the probabilistic Sharpe ratio. Accurate to about 1e-15.
/// </summary>
internal static class NormalDistribution
{
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>
    /// The complementary error function. Below 2, 1 − erf(z) from the series
    /// erf(z) = 2/√π · e^(−z²) · Σ 2ⁿ z^(2n+1) ÷ (1·3·…·(2n + 1)), whose terms are all positive (no cancellation);
    /// from 2 up, the continued fraction erfc(z) = e^(−z²)/√π · 1/(z + ½/(z + 1/(z + (3/2)/(z + 2/(z + …))))),
    /// evaluated from 200 terms back, which has converged to double precision there.
    /// </summary>
    public static double Erfc(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }
        if (z < 0)
        {
            return 2 - Erfc(-z);
        }
        if (z < 2)
        {
            var term = z;
            var sum = z;
            for (var n = 1; term > 1e-17 * sum; n++)
            {
                term *= 2 * z * z / (2 * n + 1);
                sum += term;
            }
            return 1 - 2 / Math.Sqrt(Math.PI) * Math.Exp(-z * z) * sum;
        }
        var fraction = z;
        for (var k = 200; k > 0; k--)
        {
            fraction = z + k / 2.0 / fraction;
        }
        return Math.Exp(-z * z) / Math.Sqrt(Math.PI) / fraction;
    }
}
