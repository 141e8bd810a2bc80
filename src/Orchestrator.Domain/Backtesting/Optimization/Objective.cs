using Orchestrator.Domain.Backtesting.Statistics;

namespace Orchestrator.Domain.Backtesting.Optimization;

/// <summary>
/// The statistic an optimization ranks by, with its direction: most statistics are better higher; the ones
/// that measure risk, cost or loss are better lower.
/// </summary>
public sealed record Objective(string Statistic)
{
    private static readonly HashSet<string> LowerIsBetter = new(StringComparer.Ordinal)
    {
        StatisticNames.Drawdown, StatisticNames.AnnualStandardDeviation, StatisticNames.AnnualVariance, StatisticNames.TrackingError,
        StatisticNames.TotalFees, StatisticNames.LossRate, StatisticNames.DrawdownRecovery, StatisticNames.PortfolioTurnover,
    };

    public bool Maximize => !LowerIsBetter.Contains(Statistic);

    /// <summary>The value to sort by, descending: the statistic, negated when lower is better.</summary>
    public decimal Score(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var value = result.Statistic(Statistic);
        return Maximize ? value : -value;
    }
}
