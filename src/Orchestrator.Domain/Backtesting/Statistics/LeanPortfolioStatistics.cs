namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// The body of Lean's <c>PortfolioStatistics</c> constructor (<c>Common/Statistics/PortfolioStatistics.cs</c>), step
/// for step and in Lean's number types, so values match Lean's. Formulas: see <see cref="PerformanceStatistics.Compute"/>.
/// </summary>
internal sealed class LeanPortfolioStatistics
{
    public decimal StartEquity { get; init; }
    public decimal EndEquity { get; init; }
    public decimal PortfolioTurnover { get; init; }
    public decimal AverageWin { get; private set; }
    public decimal AverageLoss { get; private set; }
    public decimal ProfitLossRatio { get; private set; }
    public decimal WinRate { get; private set; }
    public decimal LossRate { get; private set; }
    public decimal Expectancy { get; private set; }
    public decimal NetProfit { get; private set; }
    public decimal CompoundingAnnualReturn { get; private set; }
    public decimal Drawdown { get; private set; }
    public int DrawdownRecovery { get; private set; }
    public decimal AnnualVariance { get; private set; }
    public decimal AnnualStandardDeviation { get; private set; }
    public decimal SharpeRatio { get; private set; }
    public decimal SortinoRatio { get; private set; }
    public decimal Beta { get; private set; }
    public decimal Alpha { get; private set; }
    public decimal TrackingError { get; private set; }
    public decimal InformationRatio { get; private set; }
    public decimal TreynorRatio { get; private set; }
    public decimal ProbabilisticSharpeRatio { get; private set; }

    /// <summary>Everything past Lean's early return (starting capital 0 or fewer than 2 returns).</summary>
    public void Fill(StatisticsInput input, DailySeries series)
    {
        var rates = TransactionRates.From(input.TransactionRecords, input.StartingCapital);
        (AverageWin, AverageLoss, ProfitLossRatio) = (rates.AverageWin, rates.AverageLoss, rates.ProfitLossRatio);
        (WinRate, LossRate, Expectancy) = (rates.WinRate, rates.LossRate, rates.Expectancy);

        var (first, last) = (series.Equity[0], series.Equity[^1]);
        NetProfit = last.Equity / input.StartingCapital - 1;
        var years = (decimal)(last.Date.DayNumber - first.Date.DayNumber) / 365;
        CompoundingAnnualReturn = LeanStatistics.CompoundingAnnualPerformance(input.StartingCapital, last.Equity, years);

        var drawdown = DrawdownMetrics.Measure(series.Equity, 3);
        (Drawdown, DrawdownRecovery) = (drawdown.Drawdown, drawdown.RecoveryDays);

        double days = input.TradingDaysPerYear;
        var (performance, benchmark) = (series.Performance, series.Benchmark);
        AnnualVariance = LeanNumerics.SafeDecimalCast(LeanStatistics.AnnualVariance(performance, days));
        AnnualStandardDeviation = (decimal)Math.Sqrt((double)AnnualVariance);

        var benchmarkAnnualPerformance = AnnualPerformance(benchmark, days);
        var annualPerformance = AnnualPerformance(performance, days);
        var riskFree = input.RiskFreeRate;

        SharpeRatio = AnnualStandardDeviation == 0 ? 0 : LeanStatistics.SharpeRatio(annualPerformance, AnnualStandardDeviation, riskFree);

        var downside = LeanNumerics.SafeDecimalCast(LeanStatistics.AnnualDownsideStandardDeviation(performance, days));
        SortinoRatio = downside == 0 ? 0 : LeanStatistics.SharpeRatio(annualPerformance, downside, riskFree);

        var benchmarkVariance = SampleMoments.Variance(benchmark);
        Beta = LeanNumerics.IsNaNOrZero(benchmarkVariance) ? 0 : (decimal)(SampleMoments.Covariance(performance, benchmark) / benchmarkVariance);
        Alpha = Beta == 0 ? 0 : annualPerformance - (riskFree + Beta * (benchmarkAnnualPerformance - riskFree));

        TrackingError = (decimal)LeanStatistics.TrackingError(performance, benchmark, days);
        InformationRatio = TrackingError == 0 ? 0 : (annualPerformance - benchmarkAnnualPerformance) / TrackingError;
        TreynorRatio = Beta == 0 ? 0 : (annualPerformance - riskFree) / Beta;

        // A Sharpe ratio of 1 a year, de-annualized to a day, is the benchmark the observed daily ratio is tested against.
        var benchmarkSharpeRatio = 1.0 / Math.Sqrt(days);
        ProbabilisticSharpeRatio = LeanNumerics.SafeDecimalCast(LeanStatistics.ProbabilisticSharpeRatio(performance, benchmarkSharpeRatio));
    }

    /// <summary>
    /// Lean's <c>GetAnnualPerformance</c>: <see cref="LeanStatistics.AnnualPerformance"/> as decimal; Lean throws when it
    /// is not a number (a mean daily return below −100%), naming the cause.
    /// </summary>
    private static decimal AnnualPerformance(IReadOnlyList<double> daily, double days)
    {
        var value = LeanStatistics.AnnualPerformance(daily, days);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentException($"The annual performance of the daily returns is not a number ({value}); Lean stops here too.");
        }
        return LeanNumerics.SafeDecimalCast(value);
    }
}
