using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Backtests;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model;

namespace Orchestrator.Cli.Backtests;

/// <summary>Where the CLI's backtests get their bars: the configured bar store, after checking the symbols exist.</summary>
public static class BacktestBars
{
    /// <summary>The symbols of the request (and its benchmark) that the universe does not know.</summary>
    public static async Task<IReadOnlyList<string>> UnknownSymbolsAsync(OrchestratorDbContext db, BacktestRequest request, CancellationToken ct)
    {
        var wanted = request.DataSymbols;
        var known = await db.MarketSymbols.AsNoTracking().Where(m => wanted.Contains(m.Symbol)).Select(m => m.Symbol).ToListAsync(ct);
        return [.. wanted.Except(known, StringComparer.Ordinal)];
    }

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
