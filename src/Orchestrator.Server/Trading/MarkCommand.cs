using Orchestrator.Domain.MarketData;

namespace Orchestrator.Server.Trading;

/// <summary>
/// A new market price for a symbol the account holds: marks the position (<c>current_price</c>), feeds the bar
/// to the position's protective stop, and at most once a minute writes a balance snapshot with the new
/// portfolio value.
/// </summary>
internal sealed class MarkCommand(Bar bar, TradingContext trading) : WriterCommand
{
    public override Task ExecuteAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct)
    {
        var account = writer.State.Account;
        var (symbol, price, at) = (bar.Symbol, bar.Close, bar.End);
        writer.State.LastMarks[symbol] = (price, at);
        account.Mark(symbol, price, at);
        if (account.Positions.Open(symbol) is { } position)
        {
            ProtectiveStops.OnBar(writer, position, bar, trading);
            TradingRows.WritePosition(batch, writer.AccountId, position, opened: false, null, null, writer.State.Stops.GetValueOrDefault(symbol));
            batch.EquityMoved = true;
            batch.BalanceChanged |= writer.MarkSnapshotDue(at);
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
