using Microsoft.AspNetCore.Http;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Auditing;

public static class HttpActor
{
    /// <summary>The actor of an HTTP request: its caller (if authenticated), client IP, user agent and endpoint.</summary>
    public static Actor From(HttpContext context)
    {
        var caller = Caller.Of(context);
        var agent = context.Request.Headers.UserAgent.ToString();
        return new Actor(
            caller?.UserId,
            caller?.ApiKeyId,
            caller?.SessionId,
            context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress,
            agent.Length == 0 ? null : agent,
            $"{context.Request.Method} {context.Request.Path}");
    }
}
