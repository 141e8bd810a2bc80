namespace Orchestrator.Domain.Orders;

/// <summary>
/// The seed's spellings of sides, order types and times in force (<c>BUY</c>, <c>STOP_LIMIT</c>, <c>GTD</c>), as
/// stored and as the API reads and writes them. Parsing is exact: the API never guesses at a misspelling.
/// </summary>
public static class OrderCodes
{
    public static string ToSeedName(this OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    public static string ToSeedName(this OrderType type) => type switch
    {
        OrderType.Market => "MARKET",
        OrderType.Limit => "LIMIT",
        OrderType.Stop => "STOP",
        _ => "STOP_LIMIT",
    };

    public static string ToSeedName(this TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.Day => "DAY",
        TimeInForce.Gtc => "GTC",
        TimeInForce.Ioc => "IOC",
        TimeInForce.Fok => "FOK",
        _ => "GTD",
    };

    public static OrderSide? ParseSide(string? text) => text switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => null,
    };

    public static OrderType? ParseType(string? text) => text switch
    {
        "MARKET" => OrderType.Market,
        "LIMIT" => OrderType.Limit,
        "STOP" => OrderType.Stop,
        "STOP_LIMIT" => OrderType.StopLimit,
        _ => null,
    };

    public static TimeInForce? ParseTimeInForce(string? text) => text switch
    {
        "DAY" => TimeInForce.Day,
        "GTC" => TimeInForce.Gtc,
        "IOC" => TimeInForce.Ioc,
        "FOK" => TimeInForce.Fok,
        "GTD" => TimeInForce.Gtd,
        _ => null,
    };

    public static OrderStatus? ParseStatus(string? text) => text switch
    {
        "NEW" => OrderStatus.New,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELLED" => OrderStatus.Cancelled,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" => OrderStatus.Expired,
        _ => null,
    };
}
