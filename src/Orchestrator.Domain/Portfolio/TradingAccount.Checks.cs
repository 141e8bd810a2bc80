using System.Globalization;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Portfolio;

/// <summary>The pre-trade checklist: named checks in a fixed order, the first failure denies with its reason.</summary>
public sealed partial class TradingAccount
{
    /// <summary>
    /// Whether the account may accept <paramref name="order"/>, valued at <paramref name="referencePrice"/> (the
    /// limit price, or the last price for a market order). Checks, in order: the order's own consistency,
    /// allowed_symbols, max_position_size, max_daily_volume, buying_power (see <see cref="AccountLimits"/> for what
    /// each limit measures). Buying power is checked only for the part that opens or increases exposure, which
    /// needs that notional plus the estimated commission (÷ margin requirement, in buying-power terms): closing
    /// a position is never refused for want of buying power, and the margin a flip's closing leg frees counts toward its
    /// opening leg. Changes nothing.
    /// </summary>
    public PreTradeResult Check(Order order, decimal referencePrice, DateOnly tradingDay, decimal estimatedCommission)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (referencePrice <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(referencePrice), referencePrice, "The reference price must be positive.");
        }

        if (OrderValidation.Validate(order) is { } error)
        {
            return Deny("order", 0m, 0m, error);
        }

        if (Limits.AllowedSymbols is { } allowed && !allowed.Contains(order.Symbol))
        {
            return Deny("allowed_symbols", 0m, 0m, $"allowed_symbols: {order.Symbol} is not among the account's allowed symbols");
        }

        var position = Positions.QuantityOf(order.Symbol);
        if (Limits.MaxPositionSize is { } maxPosition)
        {
            var sign = order.Side == OrderSide.Buy ? 1m : -1m;
            var before = position + (sign * _open.Remaining(order.Symbol, order.Side));
            var after = before + (sign * order.Quantity);
            var value = Math.Abs(after) * referencePrice;
            if (value > maxPosition && Math.Abs(after) > Math.Abs(before))
            {
                return Deny("max_position_size", value, maxPosition,
                    Format($"max_position_size: position value {value:F2} would exceed the limit {maxPosition:F2}"));
            }
        }

        if (Limits.MaxDailyVolume is { } maxVolume)
        {
            var volume = DailyVolume(tradingDay) + (order.Quantity * referencePrice);
            if (volume > maxVolume)
            {
                return Deny("max_daily_volume", volume, maxVolume,
                    Format($"max_daily_volume: daily volume {volume:F2} would exceed the limit {maxVolume:F2}"));
            }
        }

        var opening = _open.OpeningQuantity(order.Symbol, order.Side, order.Quantity, position);
        if (opening > 0m)
        {
            var needed = (opening * referencePrice) + (estimatedCommission / MarginRequirement);

            // The part of this order that closes the current position (a flip's first leg) frees that margin first.
            var closing = order.Quantity - opening;
            var freed = closing > 0m && Positions.Open(order.Symbol) is { } held ? closing * (held.CurrentPrice ?? held.AveragePrice) : 0m;
            var buyingPower = BuyingPower() + freed;
            if (needed > buyingPower)
            {
                return Deny("buying_power", needed, buyingPower,
                    Format($"buying_power: the order needs {needed:F2} but buying power is {buyingPower:F2}"));
            }
        }

        return PreTradeResult.Accepted;
    }

    private static PreTradeResult Deny(string limit, decimal value, decimal threshold, string message) =>
        new(new LimitViolation(limit, value, threshold, message));

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
