using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Auditing;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.MarketData;

/// <summary>
/// Loads a synthetic universe: symbols SYN001... on exchange <c>SYNTH</c> (so nobody mistakes them for a real
/// market) and their generated 1-minute bars, for the demo and the benchmarks.
/// </summary>
public sealed class SyntheticData(OrchestratorDbContext db, SymbolService symbols, IBarStore bars)
{
    public async Task<long> LoadAsync(int symbolCount, int days, DateOnly firstDay, int seed, IProgress<long>? progress, Actor actor, CancellationToken ct)
    {
        var generator = new SyntheticBarGenerator(seed);
        var universe = generator.Symbols(symbolCount);
        foreach (var symbol in universe)
        {
            if (!await db.MarketSymbols.AnyAsync(s => s.Symbol == symbol.Symbol, ct))
            {
                await symbols.SetAsync(new SymbolRequest(symbol.Symbol, SyntheticBarGenerator.Exchange, "EQUITY", "USD",
                    $"Synthetic {symbol.Symbol} (generated, seed {seed})", "Synthetic", null, 0.01m), actor, ct);
            }
        }

        return await bars.WriteAsync(Stream(generator.Bars(universe, firstDay, days), ct), progress, ct);
    }

    private static async IAsyncEnumerable<StoredBar> Stream(IEnumerable<Bar> bars, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var bar in bars)
        {
            ct.ThrowIfCancellationRequested();
            yield return new StoredBar(bar);
        }

        await Task.CompletedTask;
    }
}
