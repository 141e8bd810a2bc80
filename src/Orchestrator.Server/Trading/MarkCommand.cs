using Orchestrator.Domain.MarketData;

namespace Orchestrator.Server.Trading;

/// <summary>
/// A new market price for a symbol the account holds: marks the position in memory, feeds the bar to the
/// position's protective stop, and writes the position's row (<c>current_price</c>) when its stop moved or at most
/// every <see cref="PositionWriteInterval"/>, and a balance snapshot with the new portfolio value at most once a
/// minute. Every bar of every held symbol used to update its row: at replay speed that was most of the database's
/// work (the live-loop benchmark: 8 position updates per signal), for a column nobody reads between two bars.
/// </summary>
internal sealed class MarkCommand(Bar bar, TradingContext trading) : WriterCommand
{
    /// <summary>How stale a stored <c>current_price</c> may get while the price moves (the writer's memory is always current).</summary>
    public static readonly TimeSpan PositionWriteInterval = TimeSpan.FromSeconds(5);

    public override Task ExecuteAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct)
    {
        var account = writer.State.Account;
        var (symbol, price, at) = (bar.Symbol, bar.Close, bar.End);
        writer.State.LastMarks[symbol] = (price, at);
        account.Mark(symbol, price, at);
        if (account.Positions.Open(symbol) is { } position)
        {
            var state = writer.State;
            var stop = state.Stops.GetValueOrDefault(symbol);
            var stopBefore = stop?.StopPrice;
            ProtectiveStops.OnBar(writer, position, bar, trading);
            if (stop?.StopPrice != stopBefore || !state.PositionWrittenAt.TryGetValue(symbol, out var written) || batch.Now - written >= PositionWriteInterval)
            {
                TradingRows.WritePosition(batch, writer.AccountId, position, opened: false, null, null, stop);
                state.PositionWrittenAt[symbol] = batch.Now;
            }

            batch.EquityMoved = true;
            batch.BalanceChanged |= writer.MarkSnapshotDue(batch.Now);
        }

        return Task.CompletedTask;
    }

    public override void Complete()
    {
    }

    public override void Fail(Exception error)
    {
    }
}
