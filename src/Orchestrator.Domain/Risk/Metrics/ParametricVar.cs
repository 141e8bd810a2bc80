using MathNet.Numerics.Distributions;

namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Variance–covariance (delta-normal) VaR, a cross-check on the historical figure: VaR_α = z_α × σ, with σ the
/// sample standard deviation (n − 1) of the daily P&amp;L series and z_α the standard normal quantile
/// (z₀.₉₅ = 1.6448536…, z₀.₉₉ = 2.3263479…; RiskMetrics Technical Document, 1996). Five-day: √5 × the one-day figure.
/// </summary>
/// <remarks>
/// The P&amp;L's mean is taken as 0 (VaR = zσ, not zσ − μ): a year's mean daily P&amp;L is mostly noise (its standard
/// error σ/√250 ≈ 0.063σ is of the size of the mean itself) and dropping it never understates the risk of a book that
/// made money. σ is the portfolio's own P&amp;L deviation, which equals √(vᵀΣv) for the sample covariance Σ of the
/// returns, so the correlations are in it.
/// </remarks>
public static class ParametricVar
{
    /// <summary>z_α × σ(daily P&amp;L). Needs at least 2 days.</summary>
    public static double OneDay(ReadOnlySpan<double> dailyPnl, decimal confidence) => Z(confidence) * StandardDeviation(dailyPnl);

    /// <summary>√5 × <see cref="OneDay"/>.</summary>
    public static double FiveDay(ReadOnlySpan<double> dailyPnl, decimal confidence) =>
        Math.Sqrt(HistoricalVar.HorizonDays) * OneDay(dailyPnl, confidence);

    /// <summary>The standard normal quantile Φ⁻¹(confidence) (MathNet's inverse CDF, accurate to about 1e-15).</summary>
    public static double Z(decimal confidence)
    {
        if (confidence is <= 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be in (0, 1).");
        }
        return Normal.InvCDF(0, 1, (double)confidence);
    }

    /// <summary>√(Σ(x − mean)² ÷ (n − 1)), two passes around the mean.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x.Length, 2, nameof(x));
        var mean = 0.0;
        foreach (var value in x)
        {
            mean += value;
        }
        mean /= x.Length;
        var squares = 0.0;
        foreach (var value in x)
        {
            squares += (value - mean) * (value - mean);
        }
        return Math.Sqrt(squares / (x.Length - 1));
    }
}
