using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Server.Live;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>Order updates, fills and position changes reach their owner's stream, and only the owner's.</summary>
public sealed class TradingEventsStreamTests
{
    [Fact]
    public async Task A_filled_market_order_sends_its_owner_the_order_the_fill_and_the_position_in_that_order()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var other = await TradingKit.StartAsync(server, "other@example.com");
        using var mine = await StreamSocket.ConnectAsync(server, kit.User.AccessToken);
        using var theirs = await StreamSocket.ConnectAsync(server, other.User.AccessToken);
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m);

        var placed = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "MARKET", quantity = 10, timeInForce = "DAY" });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        // One batch: the order (already FILLED), its fill at the bar's close 100 with the minimum commission 1.00, the new position.
        var order = JsonDocument.Parse(await StreamSocket.ReceiveAsync(mine)).RootElement;
        Assert.Equal(("order", "FILLED", 10m, 100m), (order.GetProperty("type").GetString(), order.GetProperty("status").GetString(),
            order.GetProperty("filledQuantity").GetDecimal(), order.GetProperty("averageFillPrice").GetDecimal()));
        var fill = JsonDocument.Parse(await StreamSocket.ReceiveAsync(mine)).RootElement;
        Assert.Equal(("fill", "BUY", 10m, 100m, 1m, "A"), (fill.GetProperty("type").GetString(), fill.GetProperty("side").GetString(),
            fill.GetProperty("quantity").GetDecimal(), fill.GetProperty("price").GetDecimal(), fill.GetProperty("commission").GetDecimal(),
            fill.GetProperty("liquidity").GetString()));
        var position = JsonDocument.Parse(await StreamSocket.ReceiveAsync(mine)).RootElement;
        Assert.Equal(("position", "ACME", 10m, 100m, "LONG"), (position.GetProperty("type").GetString(), position.GetProperty("symbol").GetString(),
            position.GetProperty("quantity").GetDecimal(), position.GetProperty("averagePrice").GetDecimal(), position.GetProperty("positionType").GetString()));
        Assert.Equal(kit.AccountId, position.GetProperty("accountId").GetGuid());

        // The other user heard nothing of it: a marker published to them afterwards is the first thing they get.
        await server.App.Services.GetRequiredService<IUserEventHub>().PublishAsync(other.User.UserId, UserEvent.Of("marker", new { n = 1 }), TestContext.Current.CancellationToken);
        Assert.Equal("marker", JsonDocument.Parse(await StreamSocket.ReceiveAsync(theirs)).RootElement.GetProperty("type").GetString());
    }
}
