namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Historical-simulation Value at Risk, in currency, positive for a loss: today's book replayed over at least
/// <see cref="MinimumDays"/> daily returns (<see cref="PortfolioPnl"/>), VaR_α = −x₍k₎ with k = ⌈N(1 − α)⌉ of the
/// sorted P&amp;Ls (<see cref="TailQuantile"/>): for 250 days the 13th worst at 95 %, the 3rd worst at 99 %.
/// </summary>
/// <remarks>
/// Five-day VaR is read from the P&amp;L of every overlapping window of 5 consecutive days (N − 4 windows, each the sum
/// of its 5 daily P&amp;Ls) with the same rule, not from √5 × the one-day figure: √5 scaling assumes independent,
/// identically distributed normal days, and the windows keep whatever autocorrelation and fat tails the history has.
/// Overlapping windows are not independent (each day sits in up to 5 of them), so the estimate is smoother, not
/// more informed, than the count suggests. At 246 windows: 95 % → the 13th worst window, 99 % → the 3rd worst.
/// </remarks>
public static class HistoricalVar
{
    /// <summary>
    /// Fewest daily returns (P&amp;Ls) the one- and five-day estimates accept: about one trading year, the Basel
    /// minimum observation period for historical VaR. One fewer is an <see cref="InsufficientHistoryException"/>.
    /// </summary>
    public const int MinimumDays = 250;

    /// <summary>Length of the multi-day horizon, in trading days.</summary>
    public const int HorizonDays = 5;

    /// <summary>One-day VaR at <paramref name="confidence"/> (e.g. 0.99) from the daily P&amp;L series.</summary>
    public static double OneDay(ReadOnlySpan<double> dailyPnl, decimal confidence)
    {
        RequireHistory(dailyPnl.Length);
        return OfSample(dailyPnl, confidence);
    }

    /// <summary>Five-day VaR from all overlapping 5-day windows of the daily P&amp;L series.</summary>
    public static double FiveDay(ReadOnlySpan<double> dailyPnl, decimal confidence)
    {
        RequireHistory(dailyPnl.Length);
        return OfSample(PortfolioPnl.OverlappingSums(dailyPnl, HorizonDays), confidence);
    }

    /// <summary>−x₍k₎ of any P&amp;L sample, with no minimum size (simulated samples use it too).</summary>
    public static double OfSample(ReadOnlySpan<double> pnl, decimal confidence)
    {
        var k = TailQuantile.Rank(pnl.Length, confidence);
        return -TailQuantile.Sorted(pnl)[k - 1];
    }

    /// <summary>Throws <see cref="InsufficientHistoryException"/> below <see cref="MinimumDays"/>.</summary>
    public static void RequireHistory(int dailyReturns)
    {
        if (dailyReturns < MinimumDays)
        {
            throw InsufficientHistoryException.TooFewReturns(dailyReturns);
        }
    }
}
