using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Accounts;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Live;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.MarketData.Live;

/// <summary>
/// <c>/api/v1/stream</c>: a WebSocket for live market data and the caller's own events, authenticated like every API
/// route (the upgrade request carries <c>X-API-Key</c> or a bearer token; a browser offers the token as a subprotocol,
/// <see cref="WebSocketBearerProtocol"/>). The client sends
/// <c>{"action":"subscribe","symbols":["AAPL"]}</c> (or <c>unsubscribe</c>) and receives
/// <c>{"type":"subscribed","symbols":[...]}</c>, then <c>{"type":"quote",...}</c> and <c>{"type":"bar",...}</c> as
/// they are published; a bad message gets <c>{"type":"error","message":...}</c> and the stream goes on. Without
/// asking, every socket also gets its user's events from <see cref="IUserEventHub"/> (<c>{"type":"risk_alert",...}</c>,
/// <c>{"type":"risk_alert_updated",...}</c>), and only that user's: the subscription is keyed by the authenticated
/// caller, and it is in place before the upgrade completes, so nothing published after the client's connect
/// returns is missed.
/// </summary>
public static class StreamEndpoint
{
    private const int MaxSymbols = 500;

    public static IEndpointRouteBuilder MapStreamApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet(ServerDefaults.ApiPrefix + "/stream", HandleAsync).WithTags("Market data").RequireAuthorization(ApiAccessRequirement.PolicyName)
            .WithName("Stream").WithSummary("WebSocket: subscribe to symbols, receive quotes and bars as JSON, and your own events (risk alerts)");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IQuoteHub hub, IUserEventHub userEvents)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "WebSocket required", "websocket-required",
                "This endpoint speaks WebSocket: open it with an Upgrade: websocket request.");
        }

        // A browser authenticates by offering the subprotocols orchestrator.v1 and bearer.<token>; the answer must select
        // one it offered, and never the token: without orchestrator.v1 there is nothing safe to select.
        var bearerProtocol = WebSocketBearerProtocol.Token(http.Request) is not null;
        if (bearerProtocol && !WebSocketBearerProtocol.OffersProtocol(http.Request))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "WebSocket subprotocol required", "websocket-protocol",
                $"A stream authenticated by a bearer.<token> subprotocol must also offer '{WebSocketBearerProtocol.Protocol}', the one the server selects.");
        }

        // Subscribed before the upgrade: an event published once the client sees the socket open reaches it.
        IUserEventSubscription subscribed;
        try
        {
            subscribed = await userEvents.SubscribeAsync(Caller.Required(http).UserId, http.RequestAborted);
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Live events unavailable", "stream-unavailable",
                "The live event bus (Redis) cannot be reached right now; open the stream again shortly.");
        }

        await using var mine = subscribed;
        using var socket = await http.WebSockets.AcceptWebSocketAsync(
            WebSocketBearerProtocol.OffersProtocol(http.Request) ? WebSocketBearerProtocol.Protocol : null);
        await using var subscription = await hub.SubscribeAsync(http.RequestAborted);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var send = new SemaphoreSlim(1, 1);
        var pump = Task.WhenAll(PumpAsync(socket, subscription, send, stop.Token), PumpAsync(socket, mine, send, stop.Token));
        try
        {
            await ReceiveAsync(socket, subscription, send, stop.Token);
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            // The client went away (closed without a handshake, or the connection dropped): nothing to answer.
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await pump;
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException)
            {
            }
        }

        return Results.Empty;
    }

    private static async Task PumpAsync(WebSocket socket, IQuoteSubscription subscription, SemaphoreSlim send, CancellationToken ct)
    {
        await foreach (var e in subscription.Events(ct))
        {
            await SendAsync(socket, send, e.Serialize(), ct);
        }
    }

    private static async Task PumpAsync(WebSocket socket, IUserEventSubscription subscription, SemaphoreSlim send, CancellationToken ct)
    {
        await foreach (var e in subscription.Events(ct))
        {
            await SendAsync(socket, send, e.Json, ct);
        }
    }

    private static async Task ReceiveAsync(WebSocket socket, IQuoteSubscription subscription, SemaphoreSlim send, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            ValueWebSocketReceiveResult result;
            var length = 0;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
                length += result.Count;
                if (length == buffer.Length && !result.EndOfMessage)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "messages are at most 16 KiB", ct);
                    return;
                }
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                return;
            }

            var reply = await HandleMessageAsync(Encoding.UTF8.GetString(buffer, 0, length), subscription);
            await SendAsync(socket, send, reply, ct);
        }
    }

    private static async Task<string> HandleMessageAsync(string text, IQuoteSubscription subscription)
    {
        string? action = null;
        List<string>? symbols = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            action = root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            symbols = root.TryGetProperty("symbols", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()!.Trim().ToUpperInvariant() : string.Empty).ToList()
                : null;
        }
        catch (JsonException)
        {
            return Error("the message is not JSON.");
        }

        if (symbols is null || symbols.Count == 0 || !symbols.All(AccountLimitRules.IsSymbol))
        {
            return Error("symbols must be a non-empty list of symbols such as [\"AAPL\"].");
        }

        switch (action)
        {
            case "subscribe" when subscription.Symbols.Union(symbols).Count() > MaxSymbols:
                return Error($"a stream follows at most {MaxSymbols} symbols.");
            case "subscribe":
                await subscription.AddAsync(symbols);
                break;
            case "unsubscribe":
                await subscription.RemoveAsync(symbols);
                break;
            default:
                return Error("action must be subscribe or unsubscribe.");
        }

        return JsonSerializer.Serialize(new { type = "subscribed", symbols = subscription.Symbols.Order(StringComparer.Ordinal) }, LiveEvent.Json);
    }

    private static string Error(string message) => JsonSerializer.Serialize(new { type = "error", message }, LiveEvent.Json);

    private static async Task SendAsync(WebSocket socket, SemaphoreSlim send, string json, CancellationToken ct)
    {
        await send.WaitAsync(ct);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            send.Release();
        }
    }
}
