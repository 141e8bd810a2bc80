using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.MarketData.Live;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Integration.Tests.MarketData;

/// <summary>Live quotes: the WebSocket stream, the latest quote, the replay feed, and Redis between servers.</summary>
public sealed class StreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_subscribed_client_receives_a_published_quote_and_the_latest_quote_is_served()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        using var socket = await ConnectAsync(server, kit.User.AccessToken);

        await SendAsync(socket, """{"action":"subscribe","symbols":["acme"]}""");
        Assert.Equal("""{"type":"subscribed","symbols":["ACME"]}""", await ReceiveAsync(socket));
        await SendAsync(socket, """{"action":"dance","symbols":["ACME"]}""");
        Assert.Equal("""{"type":"error","message":"action must be subscribe or unsubscribe."}""", await ReceiveAsync(socket));

        var at = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
        await server.App.Services.GetRequiredService<MarketFeed>().PublishAsync(new Quote("OTHER", at, 1m, 2m, 1m, 1m), Ct);
        await server.App.Services.GetRequiredService<MarketFeed>().PublishAsync(new Quote("ACME", at, 99.5m, 99.6m, 300m, 200m), Ct);

        // Only the subscribed symbol arrives.
        using var quote = JsonDocument.Parse(await ReceiveAsync(socket));
        Assert.Equal("quote", quote.RootElement.GetProperty("type").GetString());
        Assert.Equal("ACME", quote.RootElement.GetProperty("symbol").GetString());
        Assert.Equal(99.5m, quote.RootElement.GetProperty("bid").GetDecimal());
        Assert.Equal(99.6m, quote.RootElement.GetProperty("ask").GetDecimal());

        var latest = await kit.GetAsync("/api/v1/quotes/acme");
        Assert.Equal(200m, latest.GetProperty("askSize").GetDecimal());
        await Problems.AssertProblemAsync(await kit.Client.GetAsync("/api/v1/quotes/NONE", Ct), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_unauthenticated_upgrade_is_refused_and_plain_http_is_told_to_use_websocket()
    {
        await using var server = await ApiServer.StartAsync();
        using var anonymous = new ClientWebSocket();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => anonymous.ConnectAsync(StreamUri(server), Ct));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);

        var kit = await TradingKit.StartAsync(server);
        await Problems.AssertProblemAsync(await kit.Client.GetAsync("/api/v1/stream", Ct), HttpStatusCode.BadRequest, "websocket-required");
    }

    [Fact]
    public async Task The_replay_feed_plays_stored_bars_into_the_stream_and_the_paper_broker()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var t0 = new DateTimeOffset(2026, 11, 27, 14, 30, 0, TimeSpan.Zero);
        await server.App.Services.GetRequiredService<IBarStore>().WriteAsync(StoredBars.Of(
            new Bar("ACME", t0, TimeSpan.FromMinutes(1), 100m, 100m, 100m, 100m, 1000m),
            new Bar("ACME", t0.AddMinutes(1), TimeSpan.FromMinutes(1), 99m, 99.5m, 98m, 99m, 1000m)), null, Ct);
        var placed = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 10, limitPrice = 99, timeInForce = "GTC" });
        var orderId = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("orderId").GetGuid();
        using var socket = await ConnectAsync(server, kit.User.AccessToken);
        await SendAsync(socket, """{"action":"subscribe","symbols":["ACME"]}""");
        await ReceiveAsync(socket);

        // At 600x a minute between bars takes 0.1 s.
        var played = await server.App.Services.GetRequiredService<ReplayFeed>().PlayAsync(["ACME"], t0, t0.AddMinutes(2), 600, Ct);
        Assert.Equal(2, played);
        Assert.Equal(100m, JsonDocument.Parse(await ReceiveAsync(socket)).RootElement.GetProperty("close").GetDecimal());
        Assert.Equal(99m, JsonDocument.Parse(await ReceiveAsync(socket)).RootElement.GetProperty("close").GetDecimal());
        // The second bar traded through the 99 limit (low 98) and opened at 99: filled at 99.
        var filled = await kit.WaitForOrderAsync(orderId, "FILLED");
        Assert.Equal(99m, filled.GetProperty("averageFillPrice").GetDecimal());
    }

    [Fact]
    public async Task With_redis_a_quote_published_on_one_server_reaches_a_client_of_another()
    {
        var redis = TestEnvironment.Require(TestEnvironment.RedisVariable, "Redis");
        await using var db = await TestDatabase.CreateAsync(Storage.Configuration.DatabaseProvider.Sqlite);
        await using var first = await ApiServer.StartAsync(db, ownsDatabase: false, $"--Redis:Configuration={redis}");
        await using var second = await ApiServer.StartAsync(db, ownsDatabase: false, $"--Redis:Configuration={redis}");
        var kit = await TradingKit.StartAsync(first);
        using var socket = await ConnectAsync(second, kit.User.AccessToken);
        var symbol = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await SendAsync(socket, $$"""{"action":"subscribe","symbols":["{{symbol}}"]}""");
        await ReceiveAsync(socket);

        await first.App.Services.GetRequiredService<MarketFeed>().PublishAsync(new Quote(symbol, DateTimeOffset.UtcNow, 10m, 10.1m, 1m, 1m), Ct);

        Assert.Equal(symbol, JsonDocument.Parse(await ReceiveAsync(socket)).RootElement.GetProperty("symbol").GetString());
        using var client = second.Client(bearer: kit.User.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/quotes/{symbol}", Ct)).StatusCode);
    }

    private static Uri StreamUri(ApiServer server) => StreamSocket.Uri(server);

    private static Task<ClientWebSocket> ConnectAsync(ApiServer server, string token) => StreamSocket.ConnectAsync(server, token);

    private static Task SendAsync(ClientWebSocket socket, string text) => StreamSocket.SendAsync(socket, text);

    private static Task<string> ReceiveAsync(ClientWebSocket socket) => StreamSocket.ReceiveAsync(socket);
}
