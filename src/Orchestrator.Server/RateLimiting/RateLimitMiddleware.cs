using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.RateLimiting;

/// <summary>
/// Hourly quotas on /api/v1: an API key's own <c>rate_limit_per_hour</c>, a session's
/// <see cref="SecurityOptions.SessionRequestsPerHour"/>, and per client IP for requests without credentials.
/// Every response carries <c>X-RateLimit-Limit/Remaining/Reset</c>; past the limit the answer is 429 with
/// <c>Retry-After</c>. Runs after authentication and before authorization, so refused requests count too:
/// a request with bad credentials spends its client IP's anonymous quota.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, ICounterStore counters, TimeProvider time, IOptions<SecurityOptions> options, ILogger<RateLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(ServerDefaults.ApiPrefix))
        {
            await next(context);
            return;
        }

        var (subject, limit) = Caller.Of(context) switch
        {
            { ApiKeyId: { } key, RequestsPerHour: var perHour } => ($"quota:key:{key}", perHour),
            { SessionId: { } session, RequestsPerHour: var perHour } => ($"quota:session:{session}", perHour),
            _ => ($"quota:ip:{context.Connection.RemoteIpAddress}", options.Value.AnonymousRequestsPerHour),
        };

        var now = time.GetUtcNow();
        long count;
        try
        {
            count = await counters.IncrementAsync(subject, FixedWindow.Hour, now);
        }
        catch (StackExchange.Redis.RedisException ex)
        {
            // Quotas protect capacity; they are not worth an outage. Serve, and say so in the log.
            logger.LogWarning(ex, "Rate-limit store unavailable; request served without a quota check");
            await next(context);
            return;
        }

        var reset = FixedWindow.Hour.End(now);
        var state = new RateLimitState(limit, (int)Math.Max(0, limit - count), reset);
        state.Attach(context);
        // Written as the response starts, not now: the exception handler clears the headers set so far when it answers
        // (a body that fails to bind is answered that way), and every answer carries these.
        context.Response.OnStarting(static s => WriteHeadersAsync(((HttpResponse, RateLimitState))s), (context.Response, state));

        if (count > limit)
        {
            await TooManyRequests.WriteAsync(context, reset - now, $"The limit of {limit} requests per hour is used up; it resets at {reset:O}.");
            return;
        }

        await next(context);
    }

    private static Task WriteHeadersAsync((HttpResponse Response, RateLimitState State) quota)
    {
        quota.Response.Headers["X-RateLimit-Limit"] = quota.State.Limit.ToString(CultureInfo.InvariantCulture);
        quota.Response.Headers["X-RateLimit-Remaining"] = quota.State.Remaining.ToString(CultureInfo.InvariantCulture);
        quota.Response.Headers["X-RateLimit-Reset"] = quota.State.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }
}
