namespace Orchestrator.Domain.Orders;

/// <summary>The seed's <c>orders.status</c>. Filled, cancelled, rejected and expired are terminal.</summary>
public enum OrderStatus
{
    New,
    PartiallyFilled,
    Filled,
    Cancelled,
    Rejected,
    Expired,
}

/// <summary>
/// The order lifecycle, in one place (FIX's OrdStatus transitions, reduced to the seed's states):
/// <code>
/// NEW ──fill──▶ PARTIALLY_FILLED ──fill──▶ FILLED
///  │  └─fill (whole quantity)──────────────▶ FILLED
///  ├─▶ REJECTED                       (before any fill)
///  ├─▶ CANCELLED ◀── PARTIALLY_FILLED
///  └─▶ EXPIRED   ◀── PARTIALLY_FILLED
/// </code>
/// No transition leaves a terminal state.
/// </summary>
public static class OrderLifecycle
{
    public static bool IsTerminal(this OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired;

    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.New, OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired) => true,
        (OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Expired) => true,
        _ => false,
    };

    /// <summary>The seed's upper-case name (<c>PARTIALLY_FILLED</c>), as stored and as the API writes it.</summary>
    public static string ToSeedName(this OrderStatus status) => status switch
    {
        OrderStatus.New => "NEW",
        OrderStatus.PartiallyFilled => "PARTIALLY_FILLED",
        OrderStatus.Filled => "FILLED",
        OrderStatus.Cancelled => "CANCELLED",
        OrderStatus.Rejected => "REJECTED",
        _ => "EXPIRED",
    };
}
