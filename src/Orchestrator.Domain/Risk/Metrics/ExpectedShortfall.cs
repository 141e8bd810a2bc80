namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Historical expected shortfall (conditional VaR), in currency, positive for a loss: the mean loss of the k worst
/// P&amp;Ls, k = ⌈N(1 − α)⌉, i.e. of the losses at or beyond the VaR order statistic (<see cref="TailQuantile"/>):
/// ES_α = −(x₍₁₎ + … + x₍k₎) ÷ k. For 250 days: the mean of the 13 worst at 95 %, of the 3 worst at 99 %. So ES ≥ VaR
/// always. Same history and windows as <see cref="HistoricalVar"/>.
/// </summary>
public static class ExpectedShortfall
{
    /// <summary>One-day ES at <paramref name="confidence"/> from the daily P&amp;L series (at least 250 days).</summary>
    public static double OneDay(ReadOnlySpan<double> dailyPnl, decimal confidence)
    {
        HistoricalVar.RequireHistory(dailyPnl.Length);
        return OfSample(dailyPnl, confidence);
    }

    /// <summary>Five-day ES over all overlapping 5-day windows of the daily P&amp;L series.</summary>
    public static double FiveDay(ReadOnlySpan<double> dailyPnl, decimal confidence)
    {
        HistoricalVar.RequireHistory(dailyPnl.Length);
        return OfSample(PortfolioPnl.OverlappingSums(dailyPnl, HistoricalVar.HorizonDays), confidence);
    }

    /// <summary>−mean(x₍₁₎ … x₍k₎) of any P&amp;L sample.</summary>
    public static double OfSample(ReadOnlySpan<double> pnl, decimal confidence)
    {
        var k = TailQuantile.Rank(pnl.Length, confidence);
        var sorted = TailQuantile.Sorted(pnl);
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            sum += sorted[i];
        }
        return -sum / k;
    }
}
