using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>Orders from placement through fills to positions and balances, over HTTP, on SQLite and PostgreSQL.</summary>
public sealed class OrderFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_resting_limit_fills_on_a_bar_and_becomes_a_position_and_a_balance(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await TradingKit.StartAsync(server);

        var placed = await kit.PlaceAsync(new { accountId = kit.AccountId, clientOrderId = "c-1", symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 10, limitPrice = 100, timeInForce = "GTC" });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var orderId = order.GetProperty("orderId").GetGuid();
        Assert.Equal("NEW", order.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/orders/{orderId}", placed.Headers.Location?.OriginalString);

        // The bar trades through the limit (low 99 < 100) and opened below it: the buy fills at the open, 99.50.
        await kit.BarAsync("ACME", open: 99.5m, high: 100.5m, low: 99m, close: 100m, volume: 1_000);
        var filled = await kit.WaitForOrderAsync(orderId, "FILLED");
        Assert.Equal(10m, filled.GetProperty("filledQuantity").GetDecimal());
        Assert.Equal(99.5m, filled.GetProperty("averageFillPrice").GetDecimal());
        // Per share 0.005 x 10 = 0.05, below the 1.00 minimum.
        Assert.Equal(1m, filled.GetProperty("commission").GetDecimal());

        var fills = await kit.GetAsync($"/api/v1/orders/{orderId}/fills");
        var fill = Assert.Single(fills.EnumerateArray());
        Assert.Equal(10m, fill.GetProperty("quantity").GetDecimal());
        Assert.Equal("P", fill.GetProperty("liquidityIndicator").GetString());
        Assert.StartsWith("PAPER-", fill.GetProperty("tradeId").GetString());

        // The bar also marks the position at its close, 100, whichever reaches the account's writer first.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement position;
        do
        {
            position = Assert.Single((await kit.GetAsync($"/api/v1/accounts/{kit.AccountId}/positions")).EnumerateArray());
        }
        while (position.GetProperty("currentPrice").GetDecimal() != 100m && DateTime.UtcNow < deadline);

        Assert.Equal(100m, position.GetProperty("currentPrice").GetDecimal());
        Assert.Equal("ACME", position.GetProperty("symbol").GetString());
        Assert.Equal(10m, position.GetProperty("quantity").GetDecimal());
        Assert.Equal(99.5m, position.GetProperty("averagePrice").GetDecimal());
        Assert.Equal("LONG", position.GetProperty("positionType").GetString());

        // Cash: 100,000 - 10 x 99.50 - 1.00 commission = 99,004.00; equity adds the 10 shares at 100: 100,004.00.
        var balance = (await kit.GetAsync($"/api/v1/accounts/{kit.AccountId}/balances")).EnumerateArray().First();
        Assert.Equal(99_004m, balance.GetProperty("cashBalance").GetDecimal());
        Assert.Equal(100_004m, balance.GetProperty("portfolioValue").GetDecimal());
        Assert.Equal(0.5m * 10, position.GetProperty("unrealizedPnl").GetDecimal());
    }
}
