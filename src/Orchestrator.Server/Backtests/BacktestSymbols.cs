using Microsoft.EntityFrameworkCore;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Backtests;

/// <summary>The symbol check every backtest starts with, for the API's jobs and the CLI alike.</summary>
public static class BacktestSymbols
{
    /// <summary>The symbols of <paramref name="symbols"/> the universe (<c>market_symbols</c>) does not know, in their order.</summary>
    public static async Task<IReadOnlyList<string>> UnknownAsync(OrchestratorDbContext db, IReadOnlyCollection<string> symbols, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(symbols);
        var known = await db.MarketSymbols.AsNoTracking().Where(m => symbols.Contains(m.Symbol)).Select(m => m.Symbol).ToListAsync(ct);
        return [.. symbols.Except(known, StringComparer.Ordinal)];
    }
}
