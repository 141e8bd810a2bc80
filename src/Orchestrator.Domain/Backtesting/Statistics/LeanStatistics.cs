namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// The formulas of Lean's <c>Common/Statistics/Statistics.cs</c>, on daily returns as fractions, in Lean's number
/// types (double here, decimal where Lean converts).
/// </summary>
internal static class LeanStatistics
{
    /// <summary>
    /// <c>AnnualPerformance</c>: the mean daily return compounded over a year, (1 + mean)^days − 1. (Lean used
    /// mean × days until it switched to compounding; this is the current definition.)
    /// </summary>
    public static double AnnualPerformance(IReadOnlyList<double> daily, double tradingDaysPerYear) =>
        Math.Pow(SampleMoments.Mean(daily) + 1, tradingDaysPerYear) - 1;

    /// <summary><c>AnnualVariance</c>: sample variance × days; 0 when the variance is NaN (under 2 samples) or 0.</summary>
    public static double AnnualVariance(IReadOnlyList<double> daily, double tradingDaysPerYear)
    {
        var variance = SampleMoments.Variance(daily);
        return LeanNumerics.IsNaNOrZero(variance) ? 0 : variance * tradingDaysPerYear;
    }

    /// <summary>
    /// <c>AnnualDownsideStandardDeviation</c> with a minimum acceptable return of 0: √(<see cref="AnnualVariance"/> of
    /// the strictly negative returns alone). Lean's downside deviation is the sample deviation of the losing days
    /// around their own mean, not the root-mean-square shortfall below 0 of textbook Sortino; 0 with under 2 losing days.
    /// </summary>
    public static double AnnualDownsideStandardDeviation(IReadOnlyList<double> daily, double tradingDaysPerYear) =>
        Math.Sqrt(AnnualVariance(daily.Where(r => r < 0).ToList(), tradingDaysPerYear));

    /// <summary><c>TrackingError</c>: √(<see cref="AnnualVariance"/> of algorithm − benchmark daily returns); 0 if the lengths differ.</summary>
    public static double TrackingError(IReadOnlyList<double> algorithm, IReadOnlyList<double> benchmark, double tradingDaysPerYear)
    {
        if (algorithm.Count != benchmark.Count)
        {
            return 0;
        }
        var difference = algorithm.Select((r, i) => r - benchmark[i]).ToList();
        return Math.Sqrt(AnnualVariance(difference, tradingDaysPerYear));
    }

    /// <summary><c>SharpeRatio(decimal, decimal, decimal)</c>: (performance − risk-free) ÷ deviation, worked in double.</summary>
    public static decimal SharpeRatio(decimal annualPerformance, decimal deviation, decimal riskFreeRate)
    {
        var (performance, sd, riskFree) = ((double)annualPerformance, (double)deviation, (double)riskFreeRate);
        return LeanNumerics.SafeDecimalCast(sd == 0 ? 0 : (performance - riskFree) / sd);
    }

    /// <summary>
    /// <c>ProbabilisticSharpeRatio</c> (Bailey and López de Prado), as Lean writes it: with the observed daily Sharpe
    /// ratio SR = mean ÷ sample deviation (0 when the deviation is 0 or NaN), skewness γ₃ and kurtosis γ₄ from
    /// <see cref="SampleMoments"/>, σ(SR) = √((1 − γ₃·SR + (γ₄ − 1)/4 · SR²) ÷ (n − 1)) and PSR = Φ((SR − SR*) ÷ σ(SR)).
    /// Lean passes MathNet's excess kurtosis as γ₄ where the paper has the plain kurtosis; that is kept. When σ(SR)
    /// is NaN (fewer than 4 returns, or returns that do not vary) the result is 0; when it is 0, Φ(0) = 0.5.
    /// </summary>
    public static double ProbabilisticSharpeRatio(IReadOnlyList<double> daily, double benchmarkSharpeRatio)
    {
        var deviation = SampleMoments.StandardDeviation(daily);
        var observed = LeanNumerics.IsNaNOrZero(deviation) ? 0 : SampleMoments.Mean(daily) / deviation;
        var skewness = SampleMoments.Skewness(daily);
        var kurtosis = SampleMoments.Kurtosis(daily);

        var estimateDeviation = Math.Pow((1 - skewness * observed + (kurtosis - 1) / 4 * observed * observed) / (daily.Count - 1), 0.5);
        if (double.IsNaN(estimateDeviation))
        {
            return 0;
        }
        var value = LeanNumerics.IsNaNOrZero(estimateDeviation) ? 0 : (observed - benchmarkSharpeRatio) / estimateDeviation;
        return NormalDistribution.Cdf(value);
    }

    /// <summary>
    /// <c>CompoundingAnnualPerformance</c>: (final ÷ start)^(1 ÷ years) − 1, in double; 0 when years or the start is 0
    /// or the power is not a number.
    /// </summary>
    public static decimal CompoundingAnnualPerformance(decimal startingCapital, decimal finalCapital, decimal years)
    {
        if (years == 0 || startingCapital == 0)
        {
            return 0;
        }
        var result = Math.Pow((double)finalCapital / (double)startingCapital, 1 / (double)years) - 1;
        return double.IsNaN(result) || double.IsInfinity(result) ? 0 : LeanNumerics.SafeDecimalCast(result);
    }
}
