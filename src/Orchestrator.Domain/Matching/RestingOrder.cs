using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching;

/// <summary>A snapshot of an order working in the paper exchange's book (not live: the book moves on).</summary>
/// <param name="Triggered">For STOP and STOP_LIMIT: the stop has been reached (a stop then works as a market order, a stop-limit as a limit).</param>
/// <param name="Sequence">Time priority: lower was accepted first.</param>
/// <param name="ExpiresAt">When it expires (DAY: the session close; GTD: its date); null for GTC, or a DAY order on always-open hours.</param>
public sealed record RestingOrder(
    Guid OrderId,
    Guid AccountId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal RemainingQuantity,
    decimal? LimitPrice,
    decimal? StopPrice,
    bool Triggered,
    long Sequence,
    DateTimeOffset? ExpiresAt);
