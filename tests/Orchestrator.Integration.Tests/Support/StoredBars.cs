using Orchestrator.Domain.MarketData;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>Hand-made bars as the stream a bar store's writer takes.</summary>
public static class StoredBars
{
    public static async IAsyncEnumerable<StoredBar> Of(params Bar[] bars)
    {
        foreach (var bar in bars)
        {
            yield return new StoredBar(bar);
        }

        await Task.CompletedTask;
    }
}
