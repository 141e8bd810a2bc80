namespace Orchestrator.Domain.Orders;

/// <summary>
/// An order and its state, kept consistent with its fills: <see cref="FilledQuantity"/> is the sum of fill
/// quantities, <see cref="AverageFillPrice"/> their quantity-weighted mean, <see cref="FilledAt"/> the time of
/// the fill that completed it. Every change goes through a method that checks <see cref="OrderLifecycle"/>
/// first and changes nothing when it refuses.
/// </summary>
public sealed class Order
{
    private decimal _notionalFilled;

    public Order(Guid orderId, string symbol, OrderSide side, OrderType type, decimal quantity, TimeInForce timeInForce,
        decimal? limitPrice = null, decimal? stopPrice = null, DateTimeOffset? goodTillDate = null)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "An order's quantity must be positive.");
        }

        OrderId = orderId;
        Symbol = symbol;
        Side = side;
        Type = type;
        Quantity = quantity;
        TimeInForce = timeInForce;
        LimitPrice = limitPrice;
        StopPrice = stopPrice;
        GoodTillDate = goodTillDate;
    }

    public Guid OrderId { get; }

    public string Symbol { get; }

    public OrderSide Side { get; }

    public OrderType Type { get; }

    public decimal Quantity { get; }

    public TimeInForce TimeInForce { get; }

    public decimal? LimitPrice { get; }

    public decimal? StopPrice { get; }

    public DateTimeOffset? GoodTillDate { get; }

    public OrderStatus Status { get; private set; } = OrderStatus.New;

    public decimal FilledQuantity { get; private set; }

    public decimal RemainingQuantity => Quantity - FilledQuantity;

    public decimal? AverageFillPrice { get; private set; }

    public DateTimeOffset? FilledAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Applies an execution. Refused (nothing changes) on a terminal order or one that would overfill.</summary>
    public void ApplyFill(decimal quantity, decimal price, DateTimeOffset at)
    {
        if (quantity <= 0 || price <= 0)
        {
            throw new OrderStateException($"A fill needs a positive quantity and price, not {quantity} @ {price}.");
        }

        if (quantity > RemainingQuantity)
        {
            throw new OrderStateException($"A fill of {quantity} exceeds the {RemainingQuantity} remaining of order {OrderId}.");
        }

        var next = quantity == RemainingQuantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        Move(next);
        _notionalFilled += quantity * price;
        FilledQuantity += quantity;
        AverageFillPrice = _notionalFilled / FilledQuantity;
        if (next == OrderStatus.Filled)
        {
            FilledAt = at;
        }
    }

    /// <summary>Cancels what remains (a partially filled order keeps its fills).</summary>
    public void Cancel(DateTimeOffset at)
    {
        Move(OrderStatus.Cancelled);
        CancelledAt = at;
    }

    /// <summary>Refuses the order before it could trade; the reason is stored with it.</summary>
    public void Reject(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A rejection needs a reason.", nameof(reason));
        }

        Move(OrderStatus.Rejected);
        RejectionReason = reason;
    }

    /// <summary>
    /// Ends the order at its time in force (DAY at the session close, GTD at its date). The seed has no
    /// expired_at: <see cref="CancelledAt"/> records when the order stopped working, as for a cancel.
    /// </summary>
    public void Expire(DateTimeOffset at)
    {
        Move(OrderStatus.Expired);
        CancelledAt = at;
    }

    private void Move(OrderStatus to)
    {
        if (!OrderLifecycle.CanMove(Status, to))
        {
            throw new OrderStateException($"Order {OrderId} cannot go from {Status.ToSeedName()} to {to.ToSeedName()}.");
        }

        Status = to;
    }
}
