using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>
/// The dry run refuses what the order path refuses before any limit: a client order id already used (placing it
/// again returns the first order) and a disconnected account (a 409 there). It never says "would pass" of those.
/// </summary>
public sealed class RiskCheckPreconditionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_used_client_order_id_and_a_disconnected_account_fail_the_dry_run_as_they_fail_the_order()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m);
        var order = new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 90, timeInForce = "GTC", clientOrderId = "once" };

        // Before the order exists the same body passes.
        Assert.True((await CheckAsync(kit, order)).GetProperty("wouldPass").GetBoolean());
        var placed = await kit.PlaceAsync(order);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid();

        var reused = await CheckAsync(kit, order);
        Assert.Equal((false, "client_order_id"), (reused.GetProperty("wouldPass").GetBoolean(), reused.GetProperty("limit").GetString()));
        Assert.Equal($"clientOrderId 'once' was already used for order {orderId}: placing this order returns that order and places nothing new.",
            reused.GetProperty("reason").GetString());

        // Disconnected: the order path answers 409, the dry run names the account's connection; a fresh client id.
        Assert.Equal(HttpStatusCode.OK, (await kit.Client.PostAsync($"/api/v1/accounts/{kit.AccountId}/disconnect", null, Ct)).StatusCode);
        var fresh = order with { clientOrderId = "twice" };
        await Problems.AssertProblemAsync(await kit.PlaceAsync(fresh), HttpStatusCode.Conflict, "conflict");
        var disconnected = await CheckAsync(kit, fresh);
        Assert.Equal((false, "account_connected", "The account is disconnected: connect it (POST /api/v1/accounts/{id}/connect) before placing orders."),
            (disconnected.GetProperty("wouldPass").GetBoolean(), disconnected.GetProperty("limit").GetString(), disconnected.GetProperty("reason").GetString()));

        // The dry runs placed nothing: the one order is the first.
        await using var db = server.Db.CreateContext();
        Assert.Equal(orderId, (await db.Orders.SingleAsync(o => o.AccountId == kit.AccountId, Ct)).OrderId);
    }

    private static async Task<JsonElement> CheckAsync(TradingKit kit, object order)
    {
        var response = await kit.Client.PostAsJsonAsync("/api/v1/risk/check", order, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
