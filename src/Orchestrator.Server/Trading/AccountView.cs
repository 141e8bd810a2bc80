using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Trading;

/// <summary>One open position as an <see cref="AccountView"/> shows it.</summary>
public readonly record struct PositionView(decimal Quantity, decimal AveragePrice, decimal? Mark);

/// <summary>
/// An immutable picture of an account's cash and positions, published by its writer after every committed batch
/// that changed them (orders, fills, cancels), before the batch's callers are answered: whoever awaited an order's
/// outcome then reads a view that includes it. Readers on other threads (strategy runners) use it instead of the
/// writer's own state, which only the writer may touch. Marks in it are as of the last change, not of every price.
/// </summary>
public sealed class AccountView
{
    private AccountView(decimal cash, IReadOnlyDictionary<string, PositionView> positions, IReadOnlySet<(Guid StrategyId, string Symbol)> strategyOrders)
    {
        Cash = cash;
        Positions = positions;
        StrategyOrders = strategyOrders;
    }

    public decimal Cash { get; }

    public IReadOnlyDictionary<string, PositionView> Positions { get; }

    /// <summary>The (strategy, symbol) pairs with a working order of that strategy in that symbol.</summary>
    public IReadOnlySet<(Guid StrategyId, string Symbol)> StrategyOrders { get; }

    public decimal QuantityOf(string symbol) => Positions.TryGetValue(symbol, out var position) ? position.Quantity : 0m;

    internal static AccountView Of(LoadedAccount state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var account = state.Account;
        // Plain collections, never changed once built: a frozen one costs more to build than this view is read.
        var strategyOrders = new HashSet<(Guid, string)>();
        foreach (var (orderId, record) in state.Records)
        {
            if (record.StrategyId is { } strategyId && account.FindOrder(orderId) is { } order && !order.Status.IsTerminal())
            {
                strategyOrders.Add((strategyId, order.Symbol));
            }
        }

        var positions = new Dictionary<string, PositionView>(StringComparer.Ordinal);
        foreach (var p in account.Positions.OpenPositions)
        {
            positions[p.Symbol] = new PositionView(p.Quantity, p.AveragePrice, p.CurrentPrice);
        }

        return new AccountView(account.Cash, positions, strategyOrders);
    }
}
