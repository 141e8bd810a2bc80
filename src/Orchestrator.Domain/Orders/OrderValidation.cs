namespace Orchestrator.Domain.Orders;

/// <summary>
/// Whether an order's fields fit its type and time in force, checked once before it reaches the exchange or
/// the risk checks (the API validates the same rules for its problem details).
/// </summary>
public static class OrderValidation
{
    /// <returns>Null when the order is consistent, else a message naming the offending field.</returns>
    public static string? Validate(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrWhiteSpace(order.Symbol))
        {
            return "symbol: required.";
        }

        if (order.Type is OrderType.Limit or OrderType.StopLimit)
        {
            if (order.LimitPrice is not > 0m)
            {
                return $"limit_price: a {Name(order.Type)} order needs a positive limit price.";
            }
        }
        else if (order.LimitPrice is not null)
        {
            return $"limit_price: a {Name(order.Type)} order must not have a limit price.";
        }

        if (order.Type is OrderType.Stop or OrderType.StopLimit)
        {
            if (order.StopPrice is not > 0m)
            {
                return $"stop_price: a {Name(order.Type)} order needs a positive stop price.";
            }
        }
        else if (order.StopPrice is not null)
        {
            return $"stop_price: a {Name(order.Type)} order must not have a stop price.";
        }

        if (order.TimeInForce == TimeInForce.Gtd)
        {
            if (order.GoodTillDate is null)
            {
                return "good_till_date: a GTD order needs a good-till date.";
            }
        }
        else if (order.GoodTillDate is not null)
        {
            return "good_till_date: only a GTD order has a good-till date.";
        }

        return null;
    }

    /// <summary>The seed's <c>orders.order_type</c> name.</summary>
    public static string Name(OrderType type) => type switch
    {
        OrderType.Market => "MARKET",
        OrderType.Limit => "LIMIT",
        OrderType.Stop => "STOP",
        _ => "STOP_LIMIT",
    };
}
