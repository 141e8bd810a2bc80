using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MarketData;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Trading;

/// <summary>
/// What trading needs to know about a symbol (its trading hours, sector and asset class), read from
/// <c>market_symbols</c> once and kept in memory. A symbol the universe does not list trades on US equity
/// hours and has no sector.
/// </summary>
public sealed class SymbolDirectory
{
    private readonly ConcurrentDictionary<string, SymbolInfo> _symbols = new(StringComparer.Ordinal);

    private (DateTime? LastUpdate, int Count) _fingerprint;

    public sealed record SymbolInfo(string Symbol, TradingHours Hours, string? Sector, string? AssetClass, decimal? TickSize = null, string? Exchange = null);

    public SymbolInfo Get(string symbol) =>
        _symbols.TryGetValue(symbol, out var info) ? info : new SymbolInfo(symbol, TradingHours.UsEquities, null, null);

    /// <summary>
    /// Reloads the directory when <c>market_symbols</c> changed (its newest <c>updated_at</c> or its row count
    /// moved), so symbols set by the CLI or another server reach this one within the refresh interval.
    /// </summary>
    public async Task RefreshAsync(OrchestratorDbContext db, CancellationToken ct)
    {
        var fingerprint = (await db.MarketSymbols.MaxAsync(s => (DateTime?)s.UpdatedAt, ct), await db.MarketSymbols.CountAsync(ct));
        if (fingerprint != _fingerprint)
        {
            await LoadAsync(db, ct);
            _fingerprint = fingerprint;
        }
    }

    public TradingHours HoursOf(string symbol) => Get(symbol).Hours;

    public void Upsert(MarketSymbol row) => _symbols[row.Symbol] = From(row);

    public async Task LoadAsync(OrchestratorDbContext db, CancellationToken ct)
    {
        foreach (var row in await db.MarketSymbols.AsNoTracking().ToListAsync(ct))
        {
            Upsert(row);
        }
    }

    private static SymbolInfo From(MarketSymbol row)
    {
        var hours = TradingHours.UsEquities;
        if (!string.IsNullOrWhiteSpace(row.TradingHours))
        {
            try
            {
                hours = TradingHours.FromJson(row.TradingHours);
            }
            catch (FormatException)
            {
                // A malformed row must not stop trading in every other symbol; the market data import validates it.
            }
        }

        return new SymbolInfo(row.Symbol, hours, row.Sector, row.AssetClass, row.TickSize, row.Exchange);
    }
}
