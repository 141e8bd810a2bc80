using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching.Book;

/// <summary>
/// The exchange's own record of a working order: the caller's <see cref="Order"/> is never touched, so this
/// keeps what matching needs (remaining quantity, priority, trigger state, expiry). Mutable fields, no
/// properties: it lives on the hot path and never leaves the assembly.
/// </summary>
internal sealed class BookEntry
{
    public required Guid OrderId;
    public required Guid AccountId;
    public required string Symbol;
    public required OrderSide Side;
    public required OrderType Type;
    public required TimeInForce TimeInForce;
    public required decimal? LimitPrice;
    public required decimal? StopPrice;
    public required long Sequence;
    public decimal Remaining;
    public bool HasFilled;
    public bool Triggered;

    /// <summary>The matching round (bar or quote) in which the stop triggered: such an order is still "incoming" in that round.</summary>
    public long TriggeredInRound = -1;
    public DateTimeOffset? ExpiresAt;

    /// <summary>The queue holding the entry, and the ladder holding that queue (null for the market queue).</summary>
    public OrderQueue? Queue;
    public PriceLadder? Ladder;

    /// <summary>Filled, cancelled or expired: left in its queue until swept (lazy deletion), skipped by matching.</summary>
    public bool Done;

    /// <summary>A market order, or a stop that has triggered: fills at the market before any limit.</summary>
    public bool IsMarketLike => Type == OrderType.Market || (Type == OrderType.Stop && Triggered);

    /// <summary>A stop or stop-limit still waiting for its stop price.</summary>
    public bool IsWaitingStop => !Triggered && Type is OrderType.Stop or OrderType.StopLimit;

    public RestingOrder Snapshot() =>
        new(OrderId, AccountId, Symbol, Side, Type, Remaining, LimitPrice, StopPrice, Triggered, Sequence, ExpiresAt);
}
