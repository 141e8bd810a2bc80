namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// The history behind the report's history-based figures: the aligned calendar's first and last dates and the
/// number of daily returns between them, or, when there is not enough, <paramref name="Problem"/> saying why (and
/// those figures are null rather than estimated from too little data).
/// </summary>
public sealed record HistoryCoverage(int DailyReturns, DateOnly? FirstDate, DateOnly? LastDate, string? Problem)
{
    /// <summary>True when VaR, ES, beta and correlation risk were computed.</summary>
    public bool IsSufficient => Problem is null;
}
