namespace Orchestrator.Domain.Matching;

/// <summary>What the exchange did to an order: each event is one change the order's owner applies and persists.</summary>
public enum ExchangeEventKind
{
    /// <summary>A (partial) fill; <see cref="ExchangeEvent.Execution"/> holds it.</summary>
    Fill,

    /// <summary>The order (or its unfilled remainder) stopped working: an explicit cancel, an IOC remainder, a FOK that could not fill.</summary>
    Cancelled,

    /// <summary>The order reached its time in force (DAY at the session close, GTD at its date).</summary>
    Expired,
}

/// <summary>One event for one order, in the order the exchange produced them.</summary>
/// <param name="At">When it happened: the fill's exchange time, the cancel time, or the expiry instant.</param>
/// <param name="Execution">The fill, for <see cref="ExchangeEventKind.Fill"/>.</param>
/// <param name="Reason">Why, for a cancel (e.g. "IOC remainder").</param>
public sealed record ExchangeEvent(
    ExchangeEventKind Kind, Guid AccountId, Guid OrderId, DateTimeOffset At, Execution? Execution = null, string? Reason = null);
