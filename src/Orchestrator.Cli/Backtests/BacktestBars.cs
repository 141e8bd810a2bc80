using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Backtests;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Cli.Backtests;

/// <summary>Where the CLI's optimizations get their bars: the configured bar store, loaded into memory.</summary>
public static class BacktestBars
{
    /// <summary>The request's bars in memory (the optimizer replays them once per run), counting as they load.</summary>
    public static async Task<Bar[]> LoadAsync(IBarStore store, BacktestRequest request, IProgress<long>? progress, CancellationToken ct)
    {
        var bars = new List<Bar>();
        await foreach (var bar in BacktestBarStream.ReadAsync(store, request, ct))
        {
            bars.Add(bar);
            if ((bars.Count & 0xFFFF) == 0)
            {
                progress?.Report(bars.Count);
            }
        }

        progress?.Report(bars.Count);
        return [.. bars];
    }
}
