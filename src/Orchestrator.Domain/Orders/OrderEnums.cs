namespace Orchestrator.Domain.Orders;

/// <summary>The seed's <c>orders.side</c>.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}

/// <summary>The seed's <c>orders.order_type</c>.</summary>
public enum OrderType
{
    Market,
    Limit,
    Stop,
    StopLimit,
}

/// <summary>
/// The seed's <c>orders.time_in_force</c>: DAY (expires at the session close), GTC, IOC (fill what can be
/// filled at once, cancel the rest), FOK (fill all at once or nothing) and GTD (good till <c>good_till_date</c>).
/// </summary>
public enum TimeInForce
{
    Day,
    Gtc,
    Ioc,
    Fok,
    Gtd,
}
