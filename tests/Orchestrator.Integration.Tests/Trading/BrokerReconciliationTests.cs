using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Orders;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>
/// The reconciliation a restart runs (<see cref="BrokerReconciler"/>): the paper broker agrees with the books by
/// construction, so the broker's view is made to disagree here (an order and a position only it has) to see each
/// difference become one HIGH RECONCILIATION alert and one audit row, with nothing sent or cancelled.
/// </summary>
public sealed class BrokerReconciliationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_difference_with_the_broker_is_one_alert_and_one_audit_row_and_nothing_is_traded(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await TradingKit.StartAsync(server);
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000);
        var bought = await kit.PlaceAsync(new { accountId = kit.AccountId, clientOrderId = "held", symbol = "ACME", side = "BUY", orderType = "MARKET", quantity = 10, timeInForce = "DAY" });
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        var resting = await kit.PlaceAsync(new { accountId = kit.AccountId, clientOrderId = "rest", symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 4, limitPrice = 90, timeInForce = "GTC" });
        Assert.Equal(HttpStatusCode.Created, resting.StatusCode);
        var reconciler = server.App.Services.GetRequiredService<BrokerReconciler>();

        // In agreement: nothing raised.
        Assert.Equal(0, await reconciler.ReconcileAsync([kit.AccountId], Ct));

        // The broker learns of an order and 5 shares our books do not have (as a real broker could after a restart).
        var paper = server.App.Services.GetRequiredService<PaperBroker>();
        var stranger = new Order(Guid.CreateVersion7(), "ACME", OrderSide.Sell, OrderType.Limit, 3m, TimeInForce.Gtc, limitPrice: 150m);
        paper.Restore(kit.AccountId, stranger, DateTimeOffset.UtcNow);
        paper.RestorePosition(kit.AccountId, "ACME", 5m, 100m, DateTimeOffset.UtcNow);
        var ordersBefore = await server.Db.ScalarAsync<long>("SELECT count(*) FROM orders");

        Assert.Equal(2, await reconciler.ReconcileAsync([kit.AccountId], Ct));

        var alerts = await server.Db.QueryAsync(
            "SELECT severity, symbol, message, current_value, threshold_value FROM risk_alerts WHERE alert_type = 'RECONCILIATION' ORDER BY message",
            r => (Severity: r.GetString(0), Symbol: r.GetString(1), Message: r.GetString(2), Broker: r.GetDecimal(3), Ours: r.GetDecimal(4)));
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(("HIGH", "ACME"), (a.Severity, a.Symbol)));
        var unknown = Assert.Single(alerts, a => a.Message.Contains(stranger.OrderId.ToString(), StringComparison.Ordinal));
        Assert.Equal($"account 'Paper' ({kit.AccountId}): the broker has working order {stranger.OrderId} (ACME) with 3 remaining, which our books do not know. "
            + "Nothing was sent or cancelled; check the account at the broker.", unknown.Message);
        var position = Assert.Single(alerts, a => a.Message.Contains("position", StringComparison.Ordinal));
        Assert.Contains("the ACME position is 10 in our books but 15 at the broker", position.Message, StringComparison.Ordinal);
        Assert.Equal((15m, 10m), (position.Broker, position.Ours));
        Assert.Equal(2, await server.Db.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'RECONCILIATION_DIFFERENCE' AND resource_type = 'ACCOUNT' AND resource_id = '{kit.AccountId}'"));

        // Nothing was placed or cancelled: the books still hold the resting order, the broker still has the stranger.
        Assert.Equal(ordersBefore, await server.Db.ScalarAsync<long>("SELECT count(*) FROM orders"));
        var order = (await resting.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid();
        Assert.Equal("NEW", (await kit.GetAsync($"/api/v1/orders/{order}")).GetProperty("status").GetString());
        Assert.Contains(await paper.OpenOrdersAsync(new(kit.AccountId, "x"), Ct), o => o.OrderId == stranger.OrderId);
    }
}
