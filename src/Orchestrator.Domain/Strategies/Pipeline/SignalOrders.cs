using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Strategies.Pipeline;

/// <summary>
/// Turns a signal into the order that moves the position to the signal's target: a market DAY order for
/// target − current position (one order even through zero: the position book handles the flip). The same rule
/// serves the backtester and the live runner, so both trade identically.
/// </summary>
public static class SignalOrders
{
    /// <summary>The order, or null when the position already equals the target.</summary>
    public static Order? For(Signal signal, decimal currentPosition, Guid orderId)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var difference = signal.TargetQuantity - currentPosition;
        if (difference == 0m)
        {
            return null;
        }

        var side = difference > 0m ? OrderSide.Buy : OrderSide.Sell;
        return new Order(orderId, signal.Symbol, side, OrderType.Market, Math.Abs(difference), TimeInForce.Day);
    }

    /// <summary>
    /// The whole shares that <paramref name="budget"/> buys at <paramref name="price"/> with the commission
    /// paid out of it: floor(budget ÷ price), less one share at a time while shares × price + commission exceeds the budget.
    /// </summary>
    public static decimal SharesFor(decimal budget, decimal price, Func<decimal, decimal, decimal> commission)
    {
        ArgumentNullException.ThrowIfNull(commission);
        if (budget <= 0m || price <= 0m)
        {
            return 0m;
        }

        var shares = decimal.Floor(budget / price);
        while (shares > 0m && (shares * price) + commission(shares, price) > budget)
        {
            shares--;
        }

        return shares;
    }
}
