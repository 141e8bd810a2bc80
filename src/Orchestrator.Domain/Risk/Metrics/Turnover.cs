namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Portfolio turnover over a period = traded notional ÷ average portfolio value (<see cref="TradingActivity"/>).
/// Buys and sells both count, so selling the whole book and buying a new one of the same size is a turnover of 2;
/// the variant that counts only min(buys, sells) would call that 1. It is the period's figure, not annualised.
/// </summary>
public static class Turnover
{
    /// <summary>Traded ÷ average value; null without activity or when the average value is not positive.</summary>
    public static decimal? Of(TradingActivity? activity)
    {
        if (activity is null)
        {
            return null;
        }
        if (activity.TradedNotional < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(activity), activity.TradedNotional, "Traded notional is a sum of absolute values.");
        }
        return activity.AveragePortfolioValue > 0m ? activity.TradedNotional / activity.AveragePortfolioValue : null;
    }
}
