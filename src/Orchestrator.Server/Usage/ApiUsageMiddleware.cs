using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.RateLimiting;
using Orchestrator.Server.Security;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Usage;

/// <summary>Records one <c>api_usage</c> row per request under /api/v1, whatever its outcome (401 and 429 included).</summary>
public sealed class ApiUsageMiddleware(RequestDelegate next, ApiUsageQueue queue, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(ServerDefaults.ApiPrefix))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var requestedAt = time.GetUtcNow().UtcDateTime;
        var body = new CountingResponseBody(context.Features.GetRequiredFeature<IHttpResponseBodyFeature>());
        context.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body.Inner);
            var caller = Caller.Of(context);
            var limit = RateLimitState.Of(context);
            queue.Enqueue(new ApiUsage
            {
                UserId = caller?.UserId,
                ApiKeyId = caller?.ApiKeyId,
                Endpoint = Truncate(context.Request.Path.Value ?? "/", 200),
                HttpMethod = Truncate(context.Request.Method, 10),
                StatusCode = context.Response.StatusCode,
                ResponseTimeMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                RequestSizeBytes = context.Request.ContentLength is { } length ? (int)Math.Min(length, int.MaxValue) : 0,
                ResponseSizeBytes = (int)Math.Min(body.BytesWritten, int.MaxValue),
                RateLimitRemaining = limit?.Remaining,
                RateLimitReset = limit?.Reset.UtcDateTime,
                IpAddress = context.Connection.RemoteIpAddress,
                UserAgent = context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? Truncate(agent, 1000) : null,
                RequestedAt = requestedAt,
            });
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
