using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>Every order passes the active risk profile and the kill switch in the account's writer, atomically with its state.</summary>
public sealed class RiskEnforcementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_hundred_concurrent_orders_never_take_the_position_past_the_profiles_cap(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await TradingKit.StartAsync(server, permissiveRisk: false);
        await ActivateAsync(kit, new { profileName = "Capped", maxPositionSize = 5_000, maxCorrelationExposure = 1, maxSectorConcentration = 1 });

        // 1 share at a limit of 100 each, resting (GTC below the market is not needed: no bar, so nothing fills); the
        // projected position counts working orders on its side: order k projects k x 100, within 5,000 up to k = 50.
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => kit.PlaceAsync(new
        {
            accountId = kit.AccountId, clientOrderId = $"r-{i}", symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 100, timeInForce = "GTC",
        })));

        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(150, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        var refused = await Problems.AssertProblemAsync(responses.First(r => r.StatusCode == HttpStatusCode.UnprocessableEntity), HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal(("max_position_size", 5_100m, 5_000m), (refused.GetProperty("limit").GetString(), refused.GetProperty("value").GetDecimal(), refused.GetProperty("threshold").GetDecimal()));
        await using var db = server.Db.CreateContext();
        Assert.Equal(50, await db.Orders.CountAsync(o => o.AccountId == kit.AccountId && o.Status == "NEW", Ct));
        var reason = await db.Orders.AsNoTracking().Where(o => o.AccountId == kit.AccountId && o.Status == "REJECTED").Select(o => o.RejectionReason).FirstAsync(Ct);
        Assert.StartsWith("max_position_size:", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_halted_user_can_close_but_not_open_and_a_changed_profile_applies_to_the_next_order()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, permissiveRisk: false);
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m);
        await ActivateAsync(kit, new { profileName = "Wide", maxCorrelationExposure = 1, maxSectorConcentration = 1 });
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Market(kit, "BUY", 10))).StatusCode);

        await kit.Client.PutAsJsonAsync("/api/v1/risk/state", new { state = "HALTED", reason = "enough for today" }, Ct);
        var opening = await Problems.AssertProblemAsync(await kit.PlaceAsync(Market(kit, "BUY", 1)), HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal("kill_switch", opening.GetProperty("limit").GetString());
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Market(kit, "SELL", 10))).StatusCode);

        // Back to ACTIVE, then a 500 cap: the very next order is checked against it (the writer reloads changed settings).
        await kit.Client.PutAsJsonAsync("/api/v1/risk/state", new { state = "ACTIVE" }, Ct);
        await ActivateAsync(kit, new { profileName = "Tiny", maxPositionSize = 500 });
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Market(kit, "BUY", 5))).StatusCode);
        var capped = await Problems.AssertProblemAsync(await kit.PlaceAsync(Market(kit, "BUY", 1)), HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal(("max_position_size", 600m, 500m), (capped.GetProperty("limit").GetString(), capped.GetProperty("value").GetDecimal(), capped.GetProperty("threshold").GetDecimal()));
    }

    private static object Market(TradingKit kit, string side, int quantity) =>
        new { accountId = kit.AccountId, symbol = "ACME", side, orderType = "MARKET", quantity, timeInForce = "DAY" };

    internal static async Task ActivateAsync(TradingKit kit, object profile)
    {
        var created = await kit.Client.PostAsJsonAsync("/api/v1/risk/profiles", profile, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("profileId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await kit.Client.PostAsync($"/api/v1/risk/profiles/{id}/activate", null, Ct)).StatusCode);
    }
}
