using Orchestrator.Domain.MarketData;

namespace Orchestrator.Server.Orchestration;

/// <summary>
/// Receives every bar the market feed publishes, after the paper exchange has matched against it and the accounts'
/// writers have been handed its marks. Must not block: it queues the bar and returns.
/// </summary>
public interface IBarConsumer
{
    void OnBar(in Bar bar);
}
