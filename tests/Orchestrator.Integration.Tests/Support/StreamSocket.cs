using System.Net.WebSockets;
using System.Text;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>A client of <c>/api/v1/stream</c>: connect with a bearer token, send a text message, receive one (10 s at most).</summary>
public static class StreamSocket
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Uri Uri(ApiServer server) => new($"ws://{server.BaseAddress.Authority}/api/v1/stream");

    public static async Task<ClientWebSocket> ConnectAsync(ApiServer server, string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        await socket.ConnectAsync(Uri(server), Ct);
        return socket;
    }

    public static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, Ct);

    public static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var buffer = new byte[16 * 1024];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
