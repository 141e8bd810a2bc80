using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>
/// Puts symbols into a test database's universe (<c>market_symbols</c>): orders refuse a symbol the universe does not
/// list, and every test database starts without any. The trading kits add <see cref="Traded"/> once, so the tests
/// that place orders need not each say so; a test that counts or shapes symbols adds its own.
/// </summary>
public static class TestSymbols
{
    /// <summary>
    /// The symbols the trading, risk and strategy tests place orders in (exchange TEST, no tick size, active). Symbols a
    /// test sets up with its own sector, tick size or exchange (RSK, TICK, VOD.L) are not here, so it can insert them; the
    /// backtests insert their own XYZ, but use no trading kit.
    /// </summary>
    public static readonly IReadOnlyList<string> Traded =
        ["ACME", "AAPL", "MSFT", "XYZ", "AAA", "BBB", "BETA", "BRK.B", "TWIN", "TWNA", "TWNB", "PARI", "LONE", "ISOA", "ISOB", "KSA"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adds the symbols the database lacks (existing rows are left as they are), as <c>orchestrator data symbols set</c> would.</summary>
    public static async Task AddAsync(TestDatabase db, IEnumerable<string> symbols, decimal? tickSize = null, bool isActive = true)
    {
        await using var context = db.CreateContext();
        var wanted = symbols.Distinct(StringComparer.Ordinal).ToList();
        var existing = await context.MarketSymbols.Where(s => wanted.Contains(s.Symbol)).Select(s => s.Symbol).ToListAsync(Ct);
        foreach (var symbol in wanted.Except(existing, StringComparer.Ordinal))
        {
            var now = DateTime.UtcNow;
            context.MarketSymbols.Add(new MarketSymbol
            {
                Symbol = symbol, Exchange = "TEST", AssetClass = "EQUITY", Currency = "USD", TickSize = tickSize, IsActive = isActive, CreatedAt = now, UpdatedAt = now,
            });
        }

        await context.SaveChangesAsync(Ct);
    }

    /// <summary>
    /// Adds the symbols to a running server's database and reloads its symbol directory at once (its refresher would
    /// take up to 5 seconds), as <c>SymbolService</c> does for a symbol set in the server's own process.
    /// </summary>
    public static async Task AddAsync(ApiServer server, IEnumerable<string> symbols, decimal? tickSize = null, bool isActive = true)
    {
        await AddAsync(server.Db, symbols, tickSize, isActive);
        await ReloadAsync(server);
    }

    /// <summary>Makes a running server's directory read <c>market_symbols</c> again (after a test changed rows directly).</summary>
    public static async Task ReloadAsync(ApiServer server)
    {
        await using var context = server.Db.CreateContext();
        await server.App.Services.GetRequiredService<SymbolDirectory>().LoadAsync(context, Ct);
    }
}
