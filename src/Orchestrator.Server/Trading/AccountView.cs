using System.Collections.Frozen;
using Orchestrator.Domain.Portfolio;

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
    private AccountView(decimal cash, FrozenDictionary<string, PositionView> positions)
    {
        Cash = cash;
        Positions = positions;
    }

    public decimal Cash { get; }

    public FrozenDictionary<string, PositionView> Positions { get; }

    public decimal QuantityOf(string symbol) => Positions.TryGetValue(symbol, out var position) ? position.Quantity : 0m;

    public static AccountView Of(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new AccountView(account.Cash, account.Positions.OpenPositions.ToFrozenDictionary(
            static p => p.Symbol, static p => new PositionView(p.Quantity, p.AveragePrice, p.CurrentPrice), StringComparer.Ordinal));
    }
}
