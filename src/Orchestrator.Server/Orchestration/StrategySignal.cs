using Orchestrator.Domain.Strategies;

namespace Orchestrator.Server.Orchestration;

/// <summary>
/// A strategy's signal on its way to an order, with its <c>trading_signals</c> id: the account's writer stores the
/// signal row in the same transaction as the order it caused (client order id <c>sig-</c> + the id), and writes a
/// <c>strategy_executions</c> row and the signal's actual prices and P&amp;L with every fill of that order.
/// </summary>
/// <param name="SignalId">The row's id, fixed before the order exists.</param>
/// <param name="StrategyId">The strategy that emitted it.</param>
/// <param name="Signal">The signal itself.</param>
/// <param name="CreatedAt">When the runner took it (wall clock): the latency to each fill is measured from here.</param>
public sealed record StrategySignal(Guid SignalId, Guid StrategyId, Signal Signal, DateTimeOffset CreatedAt)
{
    /// <summary>The order's client id: one signal can never make two orders, even across a restart.</summary>
    public string ClientOrderId => ClientOrderIdOf(SignalId);

    /// <summary>The P&amp;L its fills have realized so far (the writer keeps it).</summary>
    public decimal RealizedPnl { get; set; }

    public static string ClientOrderIdOf(Guid signalId) => $"sig-{signalId:N}";
}
