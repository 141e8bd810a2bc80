using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Headers that close common misconfigurations (OWASP API8): no MIME sniffing, no framing, no referrer
/// leaks, and API answers never cached (they carry account data).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Path.StartsWithSegments(ServerDefaults.ApiPrefix))
        {
            headers.CacheControl = "no-store";
        }

        return next(context);
    }
}
