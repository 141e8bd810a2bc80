using Orchestrator.Domain.Brokers;

namespace Orchestrator.Server.Trading;

/// <summary>
/// An event the broker produced after submission. It did happen at the broker, so a batch that fails to
/// commit tries it again rather than dropping it.
/// </summary>
internal sealed class BrokerUpdateCommand(BrokerOrderUpdate update, TradingContext trading) : WriterCommand
{
    public override bool RetryOnFailure => true;

    public override Task ExecuteAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct)
    {
        BrokerUpdateApplier.Apply(writer, batch, update, trading);
        return Task.CompletedTask;
    }

    public override void Complete()
    {
    }

    public override void Fail(Exception error)
    {
    }
}
