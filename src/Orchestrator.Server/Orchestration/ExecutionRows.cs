using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Strategies.Pipeline;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Orchestration;

/// <summary>
/// A fill of a strategy's order, in the fill's own batch: its <c>strategy_executions</c> row (ENTRY, EXIT or
/// ADJUSTMENT; slippage against the price the strategy saw; latency from the runner taking the signal to this
/// commit; the P&amp;L of what it closed) and the signal's <c>actual_entry_price</c>, <c>actual_exit_price</c> and
/// <c>realized_pnl</c>.
/// </summary>
internal static class ExecutionRows
{
    public static void Add(WriterBatch batch, OrderRecord record, Guid orderId, Execution fill, decimal positionBefore, decimal averageBefore)
    {
        if (record.Signal is not { } taken)
        {
            return;
        }

        var latency = (int)Math.Clamp((batch.Now - taken.CreatedAt).TotalMilliseconds, 0, int.MaxValue);
        var execution = SignalExecution.Of(taken.SignalId, taken.Signal, fill, positionBefore, averageBefore) with { LatencyMs = latency };
        batch.Db.StrategyExecutions.Add(new StrategyExecution
        {
            SignalId = taken.SignalId,
            OrderId = orderId,
            OrderSubmittedAt = record.SubmittedAt,
            ExecutionType = execution.Type.ToString().ToUpperInvariant(),
            ExecutionPrice = TradingRows.Price(execution.Price),
            ExecutionQuantity = execution.Quantity,
            Pnl = execution.ProfitLoss is { } pnl ? TradingRows.Price(pnl) : null,
            PnlPercentage = execution.ProfitLossPercentage is { } pct ? decimal.Round(pct, 4) : null,
            Slippage = TradingRows.Price(execution.Slippage),
            LatencyMs = latency,
            CreatedAt = batch.Now.UtcDateTime,
        });

        taken.RealizedPnl += execution.ProfitLoss ?? 0m;
        if (!batch.Signals.TryGetValue(taken.SignalId, out var row))
        {
            row = new TradingSignal { SignalId = taken.SignalId, StrategyId = taken.StrategyId, Symbol = taken.Signal.Symbol };
            var entry = batch.Db.TradingSignals.Attach(row);
            entry.Property(nameof(TradingSignal.ActualEntryPrice)).IsModified = true;
            entry.Property(nameof(TradingSignal.ActualExitPrice)).IsModified = true;
            entry.Property(nameof(TradingSignal.RealizedPnl)).IsModified = true;
            batch.Signals[taken.SignalId] = row;
        }

        // A signal's order may close one side and open the other (a flip): the exit price is the close's, the entry the open's.
        if (execution.Type == ExecutionType.Exit || execution.ProfitLoss is not null)
        {
            row.ActualExitPrice = TradingRows.Price(execution.Price);
        }

        if (execution.Type != ExecutionType.Exit)
        {
            row.ActualEntryPrice = TradingRows.Price(execution.Price);
        }

        row.RealizedPnl = TradingRows.Price(taken.RealizedPnl);
    }
}
