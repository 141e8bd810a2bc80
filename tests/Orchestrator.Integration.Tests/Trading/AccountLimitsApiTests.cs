using System.Net;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>The account's own limits through the API: one unit under passes, one unit over is a 422 naming the limit.</summary>
public sealed class AccountLimitsApiTests
{
    [Fact]
    public async Task Max_position_size_counts_working_orders_and_refuses_one_unit_over()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, limits: new { maxPositionSize = 1_000m });
        // 9 @ 100 rests (900); one more @ 100 makes 1,000: at the limit, accepted.
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Buy(kit, 9))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Buy(kit, 1))).StatusCode);
        // One more unit: 11 x 100 = 1,100 > 1,000.
        var over = await Problems.AssertProblemAsync(await kit.PlaceAsync(Buy(kit, 1)), HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal("max_position_size", over.GetProperty("limit").GetString());
        Assert.Equal(1_100m, over.GetProperty("value").GetDecimal());
        Assert.Equal(1_000m, over.GetProperty("threshold").GetDecimal());
        Assert.Equal("max_position_size: position value 1100.00 would exceed the limit 1000.00", over.GetProperty("detail").GetString());
        Assert.Equal("REJECTED", over.GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Max_daily_volume_sums_the_days_accepted_notional()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, limits: new { maxDailyVolume = 500m });
        // 4 @ 100 = 400, then 1 @ 100 = 500 in the day: at the limit, accepted; 1 more = 600 > 500.
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Buy(kit, 4))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Buy(kit, 1))).StatusCode);
        var over = await Problems.AssertProblemAsync(await kit.PlaceAsync(Buy(kit, 1)), HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal("max_daily_volume", over.GetProperty("limit").GetString());
        Assert.Equal(600m, over.GetProperty("value").GetDecimal());
        Assert.Equal(500m, over.GetProperty("threshold").GetDecimal());
    }

    private static object Buy(TradingKit kit, int quantity) =>
        new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity, limitPrice = 100, timeInForce = "GTC" };
}
