namespace Orchestrator.Domain.Backtesting;

/// <summary>
/// The trading days a backtest may cover: the years 1900 to 2200, as for sessions elsewhere. The engine works in
/// instants a session or two either side of its days, and at the ends of the calendar (0001, 9999) those overflow:
/// a run that asked for 9999-12-30 failed in the queue with "Value to add was out of range" instead of being refused.
/// </summary>
public static class BacktestDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2200, 12, 31);

    /// <summary>Why the day cannot be a backtest's, or null when it can.</summary>
    public static string? Problem(DateOnly day) =>
        day < Earliest || day > Latest ? "must be in the years 1900 to 2200" : null;
}
