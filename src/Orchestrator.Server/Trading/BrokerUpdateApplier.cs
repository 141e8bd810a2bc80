using Orchestrator.Domain.Brokers;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Applies one broker event (fill, cancel, expiry) to the account's state and adds the rows it changes to the
/// batch: the fill, the order, the positions, and a balance snapshot at the batch's end.
/// </summary>
internal static class BrokerUpdateApplier
{
    public static void Apply(AccountWriter writer, WriterBatch batch, BrokerOrderUpdate update, TradingContext trading)
    {
        var state = writer.State;
        if (state.Find(update.OrderId) is not var (order, record))
        {
            // An event for an order this account does not hold (withdrawn after a failed batch): nothing to apply.
            return;
        }

        var account = state.Account;
        switch (update.Kind)
        {
            case BrokerOrderUpdateKind.Fill:
                var fill = update.Fill!;
                var execution = new Execution(order.OrderId, writer.AccountId, fill.TradeId, order.Symbol, order.Side, fill.Quantity, fill.Price,
                    fill.Commission, fill.Liquidity == 'P' ? Liquidity.Passive : Liquidity.Aggressive, fill.ExchangeTime);
                var held = account.Positions.Open(order.Symbol);
                var (before, averageBefore) = held is null ? (0m, 0m) : (held.Quantity, held.AveragePrice);
                var change = account.ApplyExecution(execution);
                Orchestration.ExecutionRows.Add(batch, record, order.OrderId, execution, before, averageBefore);
                if (state.LastMarks.TryGetValue(order.Symbol, out var mark) && mark.At >= execution.ExchangeTime)
                {
                    account.Mark(order.Symbol, mark.Price, mark.At);
                }

                record.Commission += fill.Commission;
                var fillRow = TradingRows.Fill(order, record, execution);
                batch.Db.OrderFills.Add(fillRow);
                batch.Fills.Add((fillRow, order));
                if (change.Position is { } moved)
                {
                    ProtectiveStops.OnPositionChange(state, moved, record);
                }

                WritePositions(writer, batch, change.Position, trading);
                foreach (var touched in new[] { change.Position?.Closed, change.Position?.Updated, change.Position?.Opened })
                {
                    if (touched is not null && batch.Positions.TryGetValue(touched.PositionId, out var row))
                    {
                        batch.FilledPositions.Add(row);
                    }
                }
                break;
            case BrokerOrderUpdateKind.Expired:
                account.ApplyExpire(order.OrderId, update.At);
                break;
            default:
                account.ApplyCancel(order.OrderId, update.At, update.Reason);
                break;
        }

        batch.BalanceChanged = true;
        TradingRows.UpdateOrder(batch, writer.AccountId, order, record);
        if (order.Status.IsTerminal())
        {
            ProtectiveStops.OnOrderEnded(state, order, record);
            state.Records.Remove(order.OrderId);
            if (writer.TerminalWaiters.Remove(order.OrderId, out var waiter))
            {
                batch.AfterCommit.Add(() => waiter.TrySetResult(true));
            }
        }
    }

    private static void WritePositions(AccountWriter writer, WriterBatch batch, PositionChange? change, TradingContext trading)
    {
        if (change is null)
        {
            return;
        }

        if (change.Closed is { } closed)
        {
            TradingRows.WritePosition(batch, writer.AccountId, closed, opened: false, null, null, null);
        }

        if (change.Updated is { } updated)
        {
            TradingRows.WritePosition(batch, writer.AccountId, updated, opened: false, null, null, writer.State.Stops.GetValueOrDefault(updated.Symbol));
        }

        if (change.Opened is { } opened)
        {
            var info = trading.Symbols.Get(opened.Symbol);
            TradingRows.WritePosition(batch, writer.AccountId, opened, opened: true, info.Sector, info.AssetClass, writer.State.Stops.GetValueOrDefault(opened.Symbol));
        }
    }
}
