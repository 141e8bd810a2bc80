using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>The account writer under concurrent load: no overspending, no duplicate orders.</summary>
public sealed class OrderConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Five_hundred_concurrent_orders_with_buying_power_for_one_hundred_accept_exactly_one_hundred(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        // Each order buys 1 @ 100 and needs 100 + the 1.00 minimum commission of buying power; resting orders
        // reserve their 100. With 10,100: order k (1-based) sees 10,100 - 100(k-1) of buying power, which covers
        // 101 up to k = 100 (buying power 200) and not at k = 101 (100 < 101).
        var kit = await TradingKit.StartAsync(server, initialCash: 10_100m);

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => kit.PlaceAsync(new
        {
            accountId = kit.AccountId, clientOrderId = $"o-{i}", symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 100, timeInForce = "GTC",
        })));

        var other = responses.FirstOrDefault(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity));
        Assert.True(other is null, other is null ? null : $"{(int)other.StatusCode}: {await other.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal(100, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(400, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        var rejected = await Problems.AssertProblemAsync(responses.First(r => r.StatusCode == HttpStatusCode.UnprocessableEntity), HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal("buying_power", rejected.GetProperty("limit").GetString());
        Assert.Equal(101m, rejected.GetProperty("value").GetDecimal());
        Assert.Equal(100m, rejected.GetProperty("threshold").GetDecimal());

        await using var db = server.Db.CreateContext();
        Assert.Equal(100, await db.Orders.CountAsync(o => o.AccountId == kit.AccountId && o.Status == "NEW", Ct));
        Assert.Equal(400, await db.Orders.CountAsync(o => o.AccountId == kit.AccountId && o.Status == "REJECTED", Ct));
        // Every snapshot keeps buying power at or above zero; the last one has exactly 100 left (10,100 - 100 x 100).
        var balances = await db.AccountBalances.Where(b => b.AccountId == kit.AccountId).ToListAsync(Ct);
        Assert.All(balances, b => Assert.True(b.BuyingPower >= 0));
        Assert.Equal(100m, balances.OrderByDescending(b => b.RecordedAt).First().BuyingPower);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_client_order_id_sent_fifty_times_concurrently_makes_one_order(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await TradingKit.StartAsync(server);
        var order = new { accountId = kit.AccountId, clientOrderId = "once", symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 5, limitPrice = 50.25m, timeInForce = "GTC" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => kit.PlaceAsync(order)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid()));
        Assert.Single(ids.Distinct());
        await using var db = server.Db.CreateContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.AccountId == kit.AccountId, Ct));

        // The same id with a different quantity is a different order: 409, and still one order.
        var conflict = await kit.PlaceAsync(order with { quantity = 6 });
        var problem = await Problems.AssertProblemAsync(conflict, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(ids[0], problem.GetProperty("order").GetProperty("orderId").GetGuid());
        Assert.Equal(1, await db.Orders.CountAsync(o => o.AccountId == kit.AccountId, Ct));
    }
}
