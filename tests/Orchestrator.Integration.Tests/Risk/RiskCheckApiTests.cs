using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>POST /risk/check: would this order pass the account's checks and the active profile? Nothing changes.</summary>
public sealed class RiskCheckApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dry_run_names_the_first_limit_an_order_would_break_and_places_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, permissiveRisk: false);
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m);

        async Task<JsonElement> Check(int quantity, string side = "BUY")
        {
            var response = await kit.Client.PostAsJsonAsync("/api/v1/risk/check",
                new { accountId = kit.AccountId, symbol = "ACME", side, orderType = "MARKET", quantity, timeInForce = "DAY" }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        // The default profile on a fresh 100,000 account, ACME at 100 with no sector. max_correlation_exposure 0.50 counts
        // the order's own symbol: 500 shares = 50,000 / max(gross 50,000, equity 100,000) = 0.50, not above: passes;
        // 501 = 0.501: refused. (Every earlier rule passes: no position cap, cash after 49,900 = 49.9% >= 5%.)
        var passes = await Check(500);
        Assert.Equal((true, 100m), (passes.GetProperty("wouldPass").GetBoolean(), passes.GetProperty("referencePrice").GetDecimal()));
        var refused = await Check(501);
        Assert.Equal((false, "max_correlation_exposure", 0.501m, 0.50m),
            (refused.GetProperty("wouldPass").GetBoolean(), refused.GetProperty("limit").GetString(), refused.GetProperty("value").GetDecimal(),
             refused.GetProperty("threshold").GetDecimal()));

        // A profile with a 5,000 position cap, made active: 50 shares = 5,000 passes, 51 = 5,100 is refused by it.
        var tight = await (await kit.Client.PostAsJsonAsync("/api/v1/risk/profiles", new { profileName = "Tight", maxPositionSize = 5_000 }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        await kit.Client.PostAsync($"/api/v1/risk/profiles/{tight.GetProperty("profileId").GetGuid()}/activate", null, Ct);
        Assert.True((await Check(50)).GetProperty("wouldPass").GetBoolean());
        var capped = await Check(51);
        Assert.Equal(("max_position_size", 5_100m, 5_000m), (capped.GetProperty("limit").GetString(), capped.GetProperty("value").GetDecimal(), capped.GetProperty("threshold").GetDecimal()));
        Assert.Equal(tight.GetProperty("profileId").GetGuid(), capped.GetProperty("profileId").GetGuid());

        // The account's own checks come first: 1,001 shares need 100,100 of buying power against 100,000.
        Assert.Equal("buying_power", (await Check(1_001)).GetProperty("limit").GetString());

        // HALTED: an opening order is refused by the kill switch.
        await kit.Client.PutAsJsonAsync("/api/v1/risk/state", new { state = "HALTED", reason = "test" }, Ct);
        var halted = await Check(1);
        Assert.Equal(("kill_switch", "HALTED"), (halted.GetProperty("limit").GetString(), halted.GetProperty("tradingState").GetString()));

        // Bad input is a 422 naming the field; another user's account is a 404; and nothing was placed.
        var bad = await kit.Client.PostAsJsonAsync("/api/v1/risk/check", new { accountId = kit.AccountId, symbol = "ACME", side = "HOLD", orderType = "MARKET", quantity = 1 }, Ct);
        Assert.True((await Problems.AssertProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "validation")).GetProperty("errors").TryGetProperty("side", out _));
        var other = server.Client(bearer: (await server.RegisterAndLoginAsync("other@example.com")).AccessToken);
        await Problems.AssertProblemAsync(await other.PostAsJsonAsync("/api/v1/risk/check",
            new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "MARKET", quantity = 1, timeInForce = "DAY" }, Ct), HttpStatusCode.NotFound, "not-found");
        await using var db = server.Db.CreateContext();
        Assert.Equal(0, await db.Orders.CountAsync(o => o.AccountId == kit.AccountId, Ct));
    }

    [Fact]
    public async Task The_dry_run_refuses_a_price_off_the_tick_grid_exactly_as_the_order_path_does()
    {
        await using var server = await ApiServer.StartAsync();
        var symbol = new MarketSymbol { Symbol = "TICK", Exchange = "TEST", AssetClass = "EQUITY", Currency = "USD", TickSize = 0.01m, IsActive = true };
        await using (var context = server.Db.CreateContext())
        {
            context.MarketSymbols.Add(symbol);
            await context.SaveChangesAsync(Ct);
        }

        // At once, rather than at the directory's next refresh.
        server.App.Services.GetRequiredService<SymbolDirectory>().Upsert(symbol);
        var kit = await TradingKit.StartAsync(server);
        object Limit(decimal price) => new { accountId = kit.AccountId, symbol = "TICK", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = price, timeInForce = "GTC" };

        // 1.001 is a tenth of a 0.01 tick: both refuse it with the same 422, and the dry run places nothing.
        var dryRun = await Problems.AssertProblemAsync(await kit.Client.PostAsJsonAsync("/api/v1/risk/check", Limit(1.001m), Ct), HttpStatusCode.UnprocessableEntity, "validation");
        var placed = await Problems.AssertProblemAsync(await kit.PlaceAsync(Limit(1.001m)), HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal("limitPrice: must be a multiple of TICK's tick size 0.01.", dryRun.GetProperty("detail").GetString());
        Assert.Equal(placed.GetProperty("detail").GetString(), dryRun.GetProperty("detail").GetString());

        // On the grid, both accept it.
        var passes = await kit.Client.PostAsJsonAsync("/api/v1/risk/check", Limit(1.01m), Ct);
        Assert.Equal(HttpStatusCode.OK, passes.StatusCode);
        Assert.True((await passes.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("wouldPass").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Limit(1.01m))).StatusCode);
    }
}
