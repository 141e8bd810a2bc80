using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching.Book;

/// <summary>
/// The exchange's own record of a working order: the caller's <see cref="Order"/> is never touched, so this
/// keeps what matching needs (remaining quantity, priority, trigger state, expiry). Mutable fields, no
/// properties: it lives on the hot path and never leaves the assembly.
/// </summary>
internal sealed class BookEntry
{
    public Guid OrderId;
    public Guid AccountId;
    public string Symbol = string.Empty;
    public OrderSide Side;
    public OrderType Type;
    public TimeInForce TimeInForce;
    public decimal? LimitPrice;
    public decimal? StopPrice;
    public long Sequence;
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

    /// <summary>
    /// Sets every field for a new working order: a fresh entry, or one the exchange reuses (an entry that never rested,
    /// as most market orders in a backtest, is referenced by nothing once its submit returns).
    /// </summary>
    public BookEntry Init(Guid accountId, Order order, long sequence)
    {
        OrderId = order.OrderId;
        AccountId = accountId;
        Symbol = order.Symbol;
        Side = order.Side;
        Type = order.Type;
        TimeInForce = order.TimeInForce;
        LimitPrice = order.LimitPrice;
        StopPrice = order.StopPrice;
        Sequence = sequence;
        Remaining = order.RemainingQuantity;
        HasFilled = order.FilledQuantity > 0m;
        Triggered = false;
        TriggeredInRound = -1;
        ExpiresAt = null;
        Queue = null;
        Ladder = null;
        Done = false;
        return this;
    }

    public RestingOrder Snapshot() =>
        new(OrderId, AccountId, Symbol, Side, Type, Remaining, LimitPrice, StopPrice, Triggered, Sequence, ExpiresAt);
}
