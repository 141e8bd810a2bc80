using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MarketData;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Trading;

/// <summary>
/// What trading needs to know about a symbol (whether the universe lists it and it is active, its trading hours,
/// sector and asset class), read from <c>market_symbols</c> once and kept in memory. New orders must name a listed,
/// active symbol (<see cref="Orders.OrderRequestValidator"/>); everything else (a position restored, a protective
/// stop's exit, a bar) may still meet a symbol the universe does not list, which trades on US equity hours and has
/// no sector.
/// </summary>
public sealed class SymbolDirectory
{
    private readonly ConcurrentDictionary<string, SymbolInfo> _symbols = new(StringComparer.Ordinal);

    private (DateTime? LastUpdate, int Count) _fingerprint;

    private volatile bool _loaded;

    /// <summary>
    /// One symbol as trading sees it. <c>Listed</c> says whether <c>market_symbols</c> has it (false for the defaults
    /// <see cref="Get"/> makes up); <c>IsActive</c> is the row's <c>is_active</c>, a null column counting as active, as
    /// <c>GET /symbols?active=</c> reads it.
    /// </summary>
    public sealed record SymbolInfo(string Symbol, TradingHours Hours, string? Sector, string? AssetClass, decimal? TickSize = null, string? Exchange = null,
        bool Listed = false, bool IsActive = true);

    public SymbolInfo Get(string symbol) =>
        _symbols.TryGetValue(symbol, out var info) ? info : new SymbolInfo(symbol, TradingHours.UsEquities, null, null);

    /// <summary>
    /// Loads the directory if nothing has loaded it yet: TradingStartup loads it only once this process holds the
    /// trading lease, and the refresher only after its first interval, so without this an order arriving in those
    /// first seconds would be refused as "not in the universe" by an empty directory.
    /// </summary>
    public Task EnsureLoadedAsync(OrchestratorDbContext db, CancellationToken ct) => _loaded ? Task.CompletedTask : LoadAsync(db, ct);

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

        _loaded = true;
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

        return new SymbolInfo(row.Symbol, hours, row.Sector, row.AssetClass, row.TickSize, row.Exchange, Listed: true, IsActive: row.IsActive ?? true);
    }
}
