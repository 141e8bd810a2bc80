using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// The open and close of the session a symbol's bars belong to, recomputed only when a bar starts at or after
/// the known close (once per session, not per bar: the zone arithmetic is the costly part).
/// </summary>
public sealed class SessionTracker(TradingHours hours)
{
    private DateTimeOffset _close = DateTimeOffset.MinValue;

    public DateTimeOffset Open { get; private set; }

    public DateTimeOffset Close => _close;

    /// <summary>Moves to the bar's session; true when this bar starts a new one.</summary>
    public bool Advance(in Bar bar)
    {
        if (bar.Start < _close)
        {
            return false;
        }

        // Without sessions (always open) the session is the UTC day, for the open as for the close below
        // (bar.Start.Date would be the date in the bar's offset, turned into an instant in the host's zone).
        Open = hours.SessionOpen(bar.Start) ?? new DateTimeOffset(bar.Start.UtcDateTime.Date, TimeSpan.Zero);
        _close = hours.SessionClose(bar.Start) ?? new DateTimeOffset(bar.Start.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        return true;
    }

    /// <summary>True when <paramref name="at"/> is within <paramref name="before"/> of the session close.</summary>
    public bool IsNearClose(DateTimeOffset at, TimeSpan before) => at >= _close - before;
}
