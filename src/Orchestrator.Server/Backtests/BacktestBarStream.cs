using System.Runtime.CompilerServices;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Server.Backtests;

/// <summary>The bars a backtest replays: its symbols' and benchmark's, over its range, streamed from the bar store in time order.</summary>
public static class BacktestBarStream
{
    public static async IAsyncEnumerable<Bar> ReadAsync(IBarStore store, BacktestRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        await foreach (var stored in store.ReadAsync(request.DataSymbols, request.From, request.To, ct))
        {
            yield return stored.Bar;
        }
    }
}
