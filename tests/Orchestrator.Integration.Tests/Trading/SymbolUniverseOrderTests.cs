using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Integration.Tests.Risk;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.MarketData;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>
/// New orders name a symbol of the universe (<c>market_symbols</c>) that is active, as strategies' symbols must: a typo
/// is refused instead of resting forever. What the platform does for positions it already holds still works.
/// </summary>
public sealed class SymbolUniverseOrderTests
{
    private const string NotInUniverse = "symbol: 'APPL' is not in the symbol universe (GET /api/v1/symbols; an operator adds it with orchestrator data symbols set APPL --exchange E --asset-class C).";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_or_dry_run_in_a_symbol_outside_the_universe_is_a_422_naming_symbol_and_stores_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        await kit.BarAsync("APPL", 100m, 100m, 100m, 100m, 1_000_000m);
        var order = new { accountId = kit.AccountId, clientOrderId = "typo-1", symbol = "appl", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 99m, timeInForce = "GTC" };

        var placed = await Problems.AssertProblemAsync(await kit.PlaceAsync(order), HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal(["symbol"], placed.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray());
        Assert.Equal(NotInUniverse, placed.GetProperty("detail").GetString());
        var checkedOrder = await Problems.AssertProblemAsync(await kit.Client.PostAsJsonAsync("/api/v1/risk/check", order, Ct), HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal(NotInUniverse, checkedOrder.GetProperty("detail").GetString());

        // Through the CLI, which places through the API: exit 2 with the server's reason.
        var (_, key) = await server.CreateKeyAsync(kit.User, new { name = "cli", canRead = true, canWrite = true, canTrade = true });
        var cli = await CliRunner.RunAsync(["orders", "place", "--account", kit.AccountId.ToString(), "--symbol", "APPL", "--side", "buy", "--quantity", "1",
            "--url", server.BaseAddress.ToString(), "--api-key", key]);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains($"422: {NotInUniverse}", cli.StandardError, StringComparison.Ordinal);

        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM orders"));
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM order_client_ids"));

        // Once an operator adds it (here in the server's own process, as the CLI's set does in its), the same order is taken at once.
        await SetAsync(server, new SymbolRequest("APPL", "TEST", "EQUITY"));
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(order)).StatusCode);
    }

    [Fact]
    public async Task An_order_in_an_inactive_symbol_is_a_422_naming_symbol()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        await TestSymbols.AddAsync(server, ["DORM"], isActive: false);

        var problem = await Problems.AssertProblemAsync(
            await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "DORM", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 10m, timeInForce = "GTC" }),
            HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal("symbol: 'DORM' is inactive in the symbol universe: it takes no new orders (cancels and exits still work).", problem.GetProperty("detail").GetString());
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public async Task A_symbol_made_inactive_takes_no_new_orders_but_its_working_order_cancels_and_its_stop_closes_the_position()
    {
        await using var server = await ApiServer.StartAsync();
        var (kit, position, start) = await ProtectiveStopTests.LongTenWithFixedStopAsync(server);
        var resting = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "SELL", orderType = "LIMIT", quantity = 5, limitPrice = 150m, timeInForce = "GTC" });
        Assert.Equal(HttpStatusCode.Created, resting.StatusCode);
        var restingId = (await resting.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid();

        // Long 10 ACME at 100 with a fixed stop at 98 and a working sell at 150. ACME is made inactive.
        await SetAsync(server, new SymbolRequest("ACME", null, null, IsActive: false));
        var refused = await Problems.AssertProblemAsync(
            await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "SELL", orderType = "MARKET", quantity = 10 }),
            HttpStatusCode.UnprocessableEntity, "validation");
        Assert.StartsWith("symbol: 'ACME' is inactive", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The working order still cancels.
        var cancelled = await kit.Client.DeleteAsync($"/api/v1/orders/{restingId}", Ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("CANCELLED", (await cancelled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());

        // A bar with low 97.50 <= 98: the platform's protective stop sells the 10 at the close 97.80 and closes the position.
        await kit.BarAsync("ACME", 99m, 99m, 97.5m, 97.8m, 1_000_000m, start);
        var exit = await DbPolling.WaitForAsync(server, db => db.Orders.AsNoTracking()
            .Where(o => o.ClientOrderId == $"stop-loss-{position.PositionId:N}" && o.Status == "FILLED").SingleOrDefaultAsync(Ct));
        Assert.Equal(("SELL", 10m, 97.8m), (exit.Side, exit.Quantity, exit.AverageFillPrice));
        var closed = await DbPolling.WaitForAsync(server, db => db.AccountPositions.AsNoTracking()
            .Where(p => p.PositionId == position.PositionId && p.ClosedAt != null).SingleOrDefaultAsync(Ct));
        Assert.Equal(-22m, closed.RealizedPnl);
    }

    /// <summary>Sets a symbol through the server's own <see cref="SymbolService"/>, as <c>orchestrator data symbols set</c> does in its process.</summary>
    private static async Task SetAsync(ApiServer server, SymbolRequest request)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var (set, errors) = await scope.ServiceProvider.GetRequiredService<SymbolService>().SetAsync(request, Actor.CommandLine("test"), Ct);
        Assert.True(set is not null, string.Join(" ", errors?.Lines ?? []));
    }
}
