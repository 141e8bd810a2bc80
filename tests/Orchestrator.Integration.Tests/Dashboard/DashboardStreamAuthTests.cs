using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;

namespace Orchestrator.Integration.Tests.Dashboard;

/// <summary>
/// How a browser opens <c>/api/v1/stream</c>: it cannot set an Authorization header on a WebSocket, so it offers the
/// subprotocols <c>orchestrator.v1</c> and <c>bearer.&lt;access token&gt;</c>; the server selects <c>orchestrator.v1</c>.
/// </summary>
public sealed class DashboardStreamAuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ClientWebSocket> ConnectAsync(ApiServer server, string path, params string[] protocols)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var protocol in protocols)
        {
            socket.Options.AddSubProtocol(protocol);
        }

        try
        {
            await socket.ConnectAsync(new Uri($"ws://{server.BaseAddress.Authority}{path}"), Ct);
        }
        catch (WebSocketException)
        {
            // The refusal's status stays readable on the socket (CollectHttpResponseDetails).
        }

        return socket;
    }

    [Fact]
    public async Task A_token_offered_as_a_subprotocol_opens_the_stream_with_the_owners_events_only()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var other = await TradingKit.StartAsync(server, "other@example.com");
        using var mine = await ConnectAsync(server, "/api/v1/stream", "orchestrator.v1", "bearer." + kit.User.AccessToken);
        using var theirs = await ConnectAsync(server, "/api/v1/stream", "orchestrator.v1", "bearer." + other.User.AccessToken);
        Assert.Equal(WebSocketState.Open, mine.State);
        // The server selects orchestrator.v1 and never echoes the token.
        Assert.Equal("orchestrator.v1", mine.SubProtocol);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, mine.HttpStatusCode);

        await StreamSocket.SendAsync(mine, """{"action":"subscribe","symbols":["acme"]}""");
        Assert.Equal("""{"type":"subscribed","symbols":["ACME"]}""", await StreamSocket.ReceiveAsync(mine));
        await kit.BarAsync("ACME", 100m, 101m, 99m, 100.5m, 1_000_000m, new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));
        var bar = JsonDocument.Parse(await StreamSocket.ReceiveAsync(mine)).RootElement;
        Assert.Equal(("bar", "ACME", 100.5m), (bar.GetProperty("type").GetString(), bar.GetProperty("symbol").GetString(), bar.GetProperty("close").GetDecimal()));

        var placed = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 5, limitPrice = 90, timeInForce = "GTC" });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var order = JsonDocument.Parse(await StreamSocket.ReceiveAsync(mine)).RootElement;
        Assert.Equal(("order", "NEW", 5m, 90m), (order.GetProperty("type").GetString(), order.GetProperty("status").GetString(),
            order.GetProperty("quantity").GetDecimal(), order.GetProperty("limitPrice").GetDecimal()));

        // The other user's socket heard nothing of it: its own subscribe reply is the first thing it gets.
        await StreamSocket.SendAsync(theirs, """{"action":"subscribe","symbols":["ZZZ"]}""");
        Assert.Equal("""{"type":"subscribed","symbols":["ZZZ"]}""", await StreamSocket.ReceiveAsync(theirs));
    }

    [Fact]
    public async Task A_wrong_or_ended_session_token_in_the_subprotocol_is_401()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("trader@example.com");

        using var wrong = await ConnectAsync(server, "/api/v1/stream", "orchestrator.v1", "bearer.not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.HttpStatusCode);
        Assert.NotEqual(WebSocketState.Open, wrong.State);

        using (var client = server.Client(bearer: user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null, Ct)).StatusCode);
        }

        using var ended = await ConnectAsync(server, "/api/v1/stream", "orchestrator.v1", "bearer." + user.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, ended.HttpStatusCode);
    }

    [Fact]
    public async Task A_bearer_subprotocol_without_orchestrator_v1_is_400_naming_it()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("trader@example.com");
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        request.Headers.Add("Sec-WebSocket-Protocol", "bearer." + user.AccessToken);
        request.Headers.Add("Connection", "Upgrade");
        request.Headers.Add("Upgrade", "websocket");
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("https://orchestrator.dev/problems/websocket-protocol", problem.GetProperty("type").GetString());
        Assert.Equal("A stream authenticated by a bearer.<token> subprotocol must also offer 'orchestrator.v1', the one the server selects.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_is_never_taken_from_the_url_nor_from_the_subprotocol_header_of_other_routes()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("trader@example.com");

        foreach (var query in new[] { "access_token", "token", "ticket", "bearer" })
        {
            using var socket = await ConnectAsync(server, $"/api/v1/stream?{query}={user.AccessToken}", "orchestrator.v1");
            Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        }

        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts");
        request.Headers.Add("Sec-WebSocket-Protocol", "orchestrator.v1, bearer." + user.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request, Ct)).StatusCode);
    }
}
