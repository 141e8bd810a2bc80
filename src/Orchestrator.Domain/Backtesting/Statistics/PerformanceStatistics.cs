namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// Lean's backtest statistics, by Lean's definitions, under Lean's names and in the order of Lean's summary
/// (Lean, <c>Common/Statistics/StatisticsBuilder.cs</c> <c>GetSummary</c>, less the capacity estimate;
/// <c>Common/Statistics/PortfolioStatistics.cs</c>; <c>Common/Statistics/Statistics.cs</c>).
/// </summary>
public static class PerformanceStatistics
{
    /// <summary>
    /// Computes the 25 statistics. Values are unrounded except Drawdown, which Lean itself rounds to 3 places; Lean's
    /// summary rounds the rest only for display.
    /// </summary>
    /// <remarks>
    /// With S the starting capital, E the equity series (day 0 = S, then each close, see <see cref="DailySeries"/>),
    /// r the daily returns and b the benchmark's daily changes (both from day 2 on), D trading days per year and
    /// rf the risk-free rate:
    /// <list type="bullet">
    /// <item>Total Orders, Total Fees, Start Equity = S and End Equity = last E: as given.</item>
    /// <item>Portfolio Turnover: mean of each day's traded value ÷ that day's equity.</item>
    /// <item>Lean stops there, leaving everything else 0, when S = 0 or fewer than 2 returns (fewer than 3 trading
    /// days): <c>PortfolioStatistics</c> needs 2 samples for a variance. Drawdown and Drawdown Recovery are then 0 too.</item>
    /// <item>Average Win, Average Loss, Profit-Loss Ratio, Win Rate, Loss Rate, Expectancy: <see cref="TransactionRates"/>.</item>
    /// <item>Net Profit = last E ÷ S − 1.</item>
    /// <item>Compounding Annual Return = (last E ÷ S)^(1 ÷ years) − 1, years = calendar days from the start date to
    /// the last sample's key (the day after the last trading day, see <see cref="DailySeries"/>) ÷ 365; 0 when the
    /// power is not a number.</item>
    /// <item>Drawdown and Drawdown Recovery (days): <see cref="DrawdownMetrics"/> of E.</item>
    /// <item>Annual Variance = sample variance(r) × D; Annual Standard Deviation = its square root.</item>
    /// <item>Annual performance (not itself reported) = (1 + mean r)^D − 1, likewise for the benchmark.</item>
    /// <item>Sharpe Ratio = (annual performance − rf) ÷ Annual Standard Deviation, 0 if that is 0.</item>
    /// <item>Sortino Ratio = (annual performance − rf) ÷ annual downside deviation, 0 if that is 0
    /// (<see cref="LeanStatistics.AnnualDownsideStandardDeviation"/>).</item>
    /// <item>Beta = sample cov(r, b) ÷ sample var(b), 0 when var(b) is 0.</item>
    /// <item>Alpha = annual performance − (rf + Beta × (benchmark annual performance − rf)), 0 when Beta is 0.</item>
    /// <item>Tracking Error = √(sample variance(r − b) × D); Information Ratio = (annual performance − benchmark annual
    /// performance) ÷ Tracking Error, 0 when that is 0.</item>
    /// <item>Treynor Ratio = (annual performance − rf) ÷ Beta, 0 when Beta is 0.</item>
    /// <item>Probabilistic Sharpe Ratio against a Sharpe ratio of 1 a year, 1 ÷ √D a day
    /// (<see cref="LeanStatistics.ProbabilisticSharpeRatio"/>).</item>
    /// </list>
    /// </remarks>
    public static IReadOnlyList<NamedStatistic> Compute(StatisticsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Validate();

        var series = DailySeries.From(input);
        var p = new LeanPortfolioStatistics
        {
            StartEquity = input.StartingCapital,
            EndEquity = series.Equity[^1].Equity,
            PortfolioTurnover = series.Turnover.Count > 0 ? series.Turnover.Average() : 0,
        };
        if (input.StartingCapital != 0 && series.Benchmark.Count >= 2 && series.Performance.Count >= 2)
        {
            p.Fill(input, series);
        }

        return
        [
            new(StatisticNames.TotalOrders, input.TotalOrders, StatisticFormat.Count),
            new(StatisticNames.AverageWin, p.AverageWin, StatisticFormat.Percent),
            new(StatisticNames.AverageLoss, p.AverageLoss, StatisticFormat.Percent),
            new(StatisticNames.CompoundingAnnualReturn, p.CompoundingAnnualReturn, StatisticFormat.Percent),
            new(StatisticNames.Drawdown, p.Drawdown, StatisticFormat.Percent),
            new(StatisticNames.Expectancy, p.Expectancy, StatisticFormat.Ratio),
            new(StatisticNames.StartEquity, p.StartEquity, StatisticFormat.Money),
            new(StatisticNames.EndEquity, p.EndEquity, StatisticFormat.Money),
            new(StatisticNames.NetProfit, p.NetProfit, StatisticFormat.Percent),
            new(StatisticNames.SharpeRatio, p.SharpeRatio, StatisticFormat.Ratio),
            new(StatisticNames.SortinoRatio, p.SortinoRatio, StatisticFormat.Ratio),
            new(StatisticNames.ProbabilisticSharpeRatio, p.ProbabilisticSharpeRatio, StatisticFormat.Percent),
            new(StatisticNames.LossRate, p.LossRate, StatisticFormat.Percent),
            new(StatisticNames.WinRate, p.WinRate, StatisticFormat.Percent),
            new(StatisticNames.ProfitLossRatio, p.ProfitLossRatio, StatisticFormat.Ratio),
            new(StatisticNames.Alpha, p.Alpha, StatisticFormat.Ratio),
            new(StatisticNames.Beta, p.Beta, StatisticFormat.Ratio),
            new(StatisticNames.AnnualStandardDeviation, p.AnnualStandardDeviation, StatisticFormat.Ratio),
            new(StatisticNames.AnnualVariance, p.AnnualVariance, StatisticFormat.Ratio),
            new(StatisticNames.InformationRatio, p.InformationRatio, StatisticFormat.Ratio),
            new(StatisticNames.TrackingError, p.TrackingError, StatisticFormat.Ratio),
            new(StatisticNames.TreynorRatio, p.TreynorRatio, StatisticFormat.Ratio),
            new(StatisticNames.TotalFees, input.TotalFees, StatisticFormat.Money),
            new(StatisticNames.PortfolioTurnover, p.PortfolioTurnover, StatisticFormat.Percent),
            new(StatisticNames.DrawdownRecovery, p.DrawdownRecovery, StatisticFormat.Days),
        ];
    }
}
