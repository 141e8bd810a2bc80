namespace Orchestrator.Server.Trading;

/// <summary>
/// Runs a piece of work in the writer's sequence, alone, with its own unit of work (changing an account's
/// limits or deleting it): no order is checked while it runs.
/// </summary>
internal sealed class RunCommand<T>(Func<AccountWriter, CancellationToken, Task<T>> work) : WriterCommand<T>
{
    public override bool Exclusive => true;

    public override async Task ExecuteAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct) => SetResult(await work(writer, ct));
}
