using Microsoft.AspNetCore.Http;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Auth;

/// <summary>
/// How a browser authenticates <c>/api/v1/stream</c>. A browser's <c>WebSocket</c> cannot set an Authorization
/// header, and a token in the URL ends up in logs and history, so the session token travels in the one header a page
/// can set: it offers the subprotocols <c>orchestrator.v1</c> and <c>bearer.&lt;access token&gt;</c>
/// (<c>new WebSocket(url, ["orchestrator.v1", "bearer." + token])</c>; base64url tokens are valid subprotocol
/// names), as Kubernetes does for its API. The server selects <c>orchestrator.v1</c>, so the token is never echoed.
/// Only the stream's upgrade request is read this way; a page script cannot set this header on any other request.
/// </summary>
public static class WebSocketBearerProtocol
{
    public const string Protocol = "orchestrator.v1";

    public const string BearerPrefix = "bearer.";

    public const string StreamPath = ServerDefaults.ApiPrefix + "/stream";

    /// <summary>The access token a stream upgrade offers as a subprotocol, else null.</summary>
    public static string? Token(HttpRequest request)
    {
        if (!request.Path.Equals(StreamPath, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Offered(request).FirstOrDefault(p => p.StartsWith(BearerPrefix, StringComparison.Ordinal) && p.Length > BearerPrefix.Length)?[BearerPrefix.Length..];
    }

    /// <summary>Whether the client offered <see cref="Protocol"/>, the one the server answers with.</summary>
    public static bool OffersProtocol(HttpRequest request) => Offered(request).Contains(Protocol, StringComparer.Ordinal);

    private static IEnumerable<string> Offered(HttpRequest request) =>
        request.Headers.SecWebSocketProtocol.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
