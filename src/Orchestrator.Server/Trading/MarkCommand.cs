namespace Orchestrator.Server.Trading;

/// <summary>
/// A new market price for a symbol the account holds: marks the position (<c>current_price</c>) and, at most
/// once a minute, writes a balance snapshot with the new portfolio value.
/// </summary>
internal sealed class MarkCommand(string symbol, decimal price, DateTimeOffset at) : WriterCommand
{
    public override Task ExecuteAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct)
    {
        var account = writer.State.Account;
        writer.State.LastMarks[symbol] = (price, at);
        account.Mark(symbol, price, at);
        if (account.Positions.Open(symbol) is { } position)
        {
            TradingRows.WritePosition(batch, writer.AccountId, position, opened: false, null, null);
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
