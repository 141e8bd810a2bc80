using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk;

/// <summary>
/// What the risk rules need of one symbol an account holds or has working orders in.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Quantity">Signed quantity held: positive long, negative short, zero when only orders are working.</param>
/// <param name="Mark">The price the position is valued at (last fill or mark); ignored when <paramref name="Quantity"/> is zero.</param>
/// <param name="StopPrice">The position's protective stop, if it has one (see <see cref="Stops.ProtectiveStop"/>).</param>
/// <param name="PendingBuy">The remaining quantity of the account's working buy orders in the symbol.</param>
/// <param name="PendingSell">The remaining quantity of the account's working sell orders in the symbol.</param>
public sealed record RiskPosition(
    string Symbol, decimal Quantity, decimal Mark, decimal? StopPrice = null, decimal PendingBuy = 0m, decimal PendingSell = 0m)
{
    /// <summary>The working quantity on one side.</summary>
    public decimal Pending(OrderSide side) => side == OrderSide.Buy ? PendingBuy : PendingSell;

    /// <summary>
    /// An account's positions (valued at their mark, else their average price, as <see cref="TradingAccount.Balance"/>
    /// does) and working orders, one entry per symbol, with the stops the caller keeps per symbol.
    /// </summary>
    public static IReadOnlyList<RiskPosition> FromAccount(TradingAccount account, IReadOnlyDictionary<string, decimal>? stopPrices = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var bySymbol = new Dictionary<string, RiskPosition>(StringComparer.Ordinal);
        foreach (var position in account.Positions.OpenPositions)
        {
            var stop = stopPrices is not null && stopPrices.TryGetValue(position.Symbol, out var s) ? s : (decimal?)null;
            bySymbol[position.Symbol] = new RiskPosition(position.Symbol, position.Quantity, position.CurrentPrice ?? position.AveragePrice, stop);
        }

        foreach (var order in account.OpenOrders)
        {
            var entry = bySymbol.GetValueOrDefault(order.Symbol) ?? new RiskPosition(order.Symbol, 0m, 0m);
            bySymbol[order.Symbol] = order.Side == OrderSide.Buy
                ? entry with { PendingBuy = entry.PendingBuy + order.RemainingQuantity }
                : entry with { PendingSell = entry.PendingSell + order.RemainingQuantity };
        }

        return [.. bySymbol.Values];
    }
}
