using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Portfolio;

/// <summary>
/// The in-memory state of one account, owned by its writer: cash, positions, open orders and today's volume.
/// Every change goes through one method that returns what changed (<see cref="AccountChange"/>), and the
/// tracked orders are the caller's instances, so the writer persists exactly what it passed in.
/// <para>Margin model (with <c>m</c> = <see cref="MarginRequirement"/>, 1.0 = cash account, 0.5 = Reg T):</para>
/// <list type="bullet">
/// <item>portfolio value (equity) = cash + Σ signed quantity × mark (a short's sale proceeds sit in cash);</item>
/// <item>margin used = Σ |quantity| × mark × m;</item>
/// <item>reserved = Σ over open orders of the part that would open or increase exposure × reference price × m
/// (orders that only reduce a position reserve nothing; see <see cref="OpenOrderBook"/>);</item>
/// <item>margin available = equity − margin used − reserved;</item>
/// <item>buying power = max(0, margin available) / m.</item>
/// </list>
/// The mark is the position's <see cref="Position.CurrentPrice"/> (last fill or <see cref="Mark"/>), else its average price.
/// Not thread-safe: the writer serializes calls.
/// </summary>
public sealed partial class TradingAccount
{
    private readonly OpenOrderBook _open = new();
    private DateOnly _volumeDay;
    private decimal _volumeToday;

    public TradingAccount(
        Guid accountId, string currency, decimal cash, AccountLimits limits, decimal marginRequirement = 1.0m, Func<Guid>? newId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentNullException.ThrowIfNull(limits);
        if (marginRequirement <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(marginRequirement), marginRequirement, "The margin requirement must be positive.");
        }

        AccountId = accountId;
        Currency = currency;
        Cash = cash;
        Limits = limits;
        MarginRequirement = marginRequirement;
        Positions = new PositionBook(newId);
    }

    public Guid AccountId { get; }

    public string Currency { get; }

    public decimal Cash { get; private set; }

    public AccountLimits Limits { get; private set; }

    /// <summary>New limits hold from the next check on; orders already accepted stay (as a broker treats them).</summary>
    public void UpdateLimits(AccountLimits limits) => Limits = limits ?? throw new ArgumentNullException(nameof(limits));

    public decimal MarginRequirement { get; }

    public PositionBook Positions { get; }

    /// <summary>The orders accepted and not yet terminal.</summary>
    public IEnumerable<Order> OpenOrders => _open.Orders;

    /// <summary>Whether any order in <paramref name="symbol"/> is open: a lookup, where <see cref="OpenOrders"/> walks them all.</summary>
    public bool HasOpenOrders(string symbol) => _open.Any(symbol);

    /// <summary>An open order of this account; null once it is terminal (the writer persisted it then).</summary>
    public Order? FindOrder(Guid orderId) => _open.Find(orderId);

    /// <summary>The notional accepted on <paramref name="tradingDay"/> (see <see cref="AccountLimits.MaxDailyVolume"/>).</summary>
    public decimal DailyVolume(DateOnly tradingDay) => tradingDay == _volumeDay ? _volumeToday : 0m;

    /// <summary>Starts tracking an order that passed <see cref="Check"/>: it reserves buying power and counts toward the day's volume.</summary>
    public void Accept(Order order, decimal referencePrice, DateOnly tradingDay)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status.IsTerminal())
        {
            throw new ArgumentException($"Order {order.OrderId} is {order.Status.ToSeedName()}; only working orders are accepted.", nameof(order));
        }

        _open.Add(order, referencePrice);
        AddVolume(tradingDay, order.Quantity * referencePrice);
    }

    /// <summary><see cref="Check"/>, then <see cref="Accept"/> when it passes; nothing changes when it fails.</summary>
    public PreTradeResult TryAccept(Order order, decimal referencePrice, DateOnly tradingDay, decimal estimatedCommission)
    {
        var result = Check(order, referencePrice, tradingDay, estimatedCommission);
        if (result.IsAccepted)
        {
            Accept(order, referencePrice, tradingDay);
        }

        return result;
    }

    /// <summary>
    /// Applies a fill: to the order first (its state machine refuses an overfill or a fill after a terminal state,
    /// and then nothing changes), then cash (a buy pays quantity × price + commission, a sell receives
    /// quantity × price − commission), then the position. A completed order stops reserving.
    /// </summary>
    public AccountChange ApplyExecution(Execution execution)
    {
        var order = Fill(execution, out var position);
        return new AccountChange(order, execution, new PositionChange(position.Opened, position.Updated, position.Closed), Balance());
    }

    /// <summary><see cref="ApplyExecution"/> without the <see cref="AccountChange"/> (see <see cref="Cancel"/>).</summary>
    internal Order Fill(Execution execution) => Fill(execution, out _);

    private Order Fill(Execution execution, out (Position? Opened, Position? Updated, Position? Closed) position)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var order = Tracked(execution.OrderId);
        if (execution.AccountId != AccountId || execution.Symbol != order.Symbol || execution.Side != order.Side)
        {
            throw new ArgumentException(
                $"Execution {execution.TradeId} ({execution.AccountId}, {execution.Symbol}, {execution.Side}) does not belong to order {order.OrderId}.",
                nameof(execution));
        }

        order.ApplyFill(execution.Quantity, execution.Price, execution.ExchangeTime);
        _open.Filled(order.OrderId, execution.Quantity);
        var notional = execution.Quantity * execution.Price;
        Cash += (execution.Side == OrderSide.Buy ? -notional : notional) - execution.Commission;
        position = Positions.Change(execution.Symbol, execution.Side, execution.Quantity, execution.Price, execution.ExchangeTime);
        if (order.Status.IsTerminal())
        {
            _open.Remove(order.OrderId);
        }

        return order;
    }

    public AccountChange ApplyCancel(Guid orderId, DateTimeOffset at, string? reason) =>
        new(Cancel(orderId, at), null, null, Balance(), reason);

    public AccountChange ApplyExpire(Guid orderId, DateTimeOffset at) => new(Expire(orderId, at), null, null, Balance());

    /// <summary>Rejects an order that was never accepted (a failed check, or refused by the exchange).</summary>
    public AccountChange Reject(Order order, string reason)
    {
        RejectOnly(order, reason);
        return new AccountChange(order, null, null, Balance(), reason);
    }

    /// <summary>
    /// <see cref="ApplyCancel"/> without the <see cref="AccountChange"/>: for the backtester, which persists nothing
    /// and would otherwise build a balance snapshot per event only to drop it.
    /// </summary>
    internal Order Cancel(Guid orderId, DateTimeOffset at)
    {
        var order = Tracked(orderId);
        order.Cancel(at);
        _open.Remove(orderId);
        return order;
    }

    /// <summary><see cref="ApplyExpire"/> without the <see cref="AccountChange"/> (see <see cref="Cancel"/>).</summary>
    internal Order Expire(Guid orderId, DateTimeOffset at)
    {
        var order = Tracked(orderId);
        order.Expire(at);
        _open.Remove(orderId);
        return order;
    }

    /// <summary><see cref="Reject"/> without the <see cref="AccountChange"/> (see <see cref="Cancel"/>).</summary>
    internal void RejectOnly(Order order, string reason)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_open.Find(order.OrderId) is not null)
        {
            throw new InvalidOperationException($"Order {order.OrderId} was accepted; cancel it instead of rejecting it.");
        }

        order.Reject(reason);
    }

    /// <summary>Marks the open position in <paramref name="symbol"/> (if any) to a market price.</summary>
    public void Mark(string symbol, decimal price, DateTimeOffset at) => Positions.Open(symbol)?.Mark(price, at);

    public BalanceSnapshot Balance()
    {
        var (equity, marginUsed, marginAvailable) = Margins();
        return new BalanceSnapshot(Currency, Cash, Math.Max(0m, marginAvailable) / MarginRequirement, equity, marginUsed, marginAvailable);
    }

    /// <summary>
    /// <see cref="BalanceSnapshot.PortfolioValue"/> alone, the same sum without the snapshot: the backtester values
    /// the account for every signal it sizes and every day it closes.
    /// </summary>
    public decimal PortfolioValue()
    {
        var equity = Cash;
        foreach (var position in Positions.OpenPositions)
        {
            equity += position.Quantity * (position.CurrentPrice ?? position.AveragePrice);
        }

        return equity;
    }

    /// <summary><see cref="BalanceSnapshot.BuyingPower"/> alone (the pre-trade check needs no snapshot).</summary>
    private decimal BuyingPower() => Math.Max(0m, Margins().Available) / MarginRequirement;

    /// <summary>Equity, margin used and margin available, as the class summary defines them.</summary>
    private (decimal Equity, decimal Used, decimal Available) Margins()
    {
        var equity = Cash;
        var exposure = 0m;
        foreach (var position in Positions.OpenPositions)
        {
            var mark = position.CurrentPrice ?? position.AveragePrice;
            equity += position.Quantity * mark;
            exposure += Math.Abs(position.Quantity) * mark;
        }

        var marginUsed = exposure * MarginRequirement;
        var reserved = _open.ReservedNotional(Positions) * MarginRequirement;
        return (equity, marginUsed, equity - marginUsed - reserved);
    }

    /// <summary>Rebuilds an open order after a restart, with its fills already on it (they are in cash and positions).</summary>
    public void RestoreOrder(Order order, decimal referencePrice)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status.IsTerminal())
        {
            throw new ArgumentException($"Order {order.OrderId} is {order.Status.ToSeedName()}; only open orders are restored.", nameof(order));
        }

        _open.Add(order, referencePrice);
    }

    /// <summary>Rebuilds an open position after a restart.</summary>
    public void RestorePosition(Position position) => Positions.Restore(position);

    /// <summary>Rebuilds the day's accepted notional after a restart (Σ quantity × reference price of today's accepted orders).</summary>
    public void RestoreDailyVolume(DateOnly tradingDay, decimal notional)
    {
        _volumeDay = tradingDay;
        _volumeToday = notional;
    }

    private Order Tracked(Guid orderId) =>
        _open.Find(orderId) ?? throw new InvalidOperationException($"Order {orderId} is not open in account {AccountId}.");

    private void AddVolume(DateOnly tradingDay, decimal notional)
    {
        if (tradingDay != _volumeDay)
        {
            _volumeDay = tradingDay;
            _volumeToday = 0m;
        }

        _volumeToday += notional;
    }
}
