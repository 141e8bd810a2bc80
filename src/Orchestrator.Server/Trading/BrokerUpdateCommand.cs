using Orchestrator.Domain.Brokers;

namespace Orchestrator.Server.Trading;

/// <summary>
/// An event the broker produced after submission. It did happen at the broker, so a batch that fails to
/// commit tries it again rather than dropping it.
/// </summary>
internal sealed class BrokerUpdateCommand(BrokerOrderUpdate update, TradingContext trading) : WriterCommand
{
    public override bool RetryOnFailure => true;

    public override async Task ExecuteAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct)
    {
        if (update.Kind == BrokerOrderUpdateKind.Fill)
        {
            // A fill may open a position, which takes its protective stop from the user's current profile.
            await WriterRisk.EnsureAsync(writer, trading, batch.Db, batch.Now, ct);
        }

        BrokerUpdateApplier.Apply(writer, batch, update, trading);
    }

    public override void Complete()
    {
    }

    public override void Fail(Exception error)
    {
    }
}
