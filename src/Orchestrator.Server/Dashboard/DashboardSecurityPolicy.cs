using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server.Dashboard;

/// <summary>
/// The dashboard's Content-Security-Policy: its own scripts, styles and images only (no inline script or style, no
/// eval, no other origin), requests to this origin and WebSockets to this host, and no framing. A string the API
/// returns can therefore never run as script even if a bug inserted it as markup.
/// </summary>
public static class DashboardSecurityPolicy
{
    public static string For(HttpRequest request)
    {
        // connect-src 'self' covers ws: to the same host in CSP Level 3, but not in every browser still in use: name it.
        // The host is the request's own (Kestrel refuses a Host header with characters that could break this header).
        var sockets = $"ws://{request.Host.Value} wss://{request.Host.Value}";
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
               $"connect-src 'self' {sockets}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
