using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server.RateLimiting;

/// <summary>The quota position of one request, for its headers and its api_usage row.</summary>
public sealed record RateLimitState(int Limit, int Remaining, DateTimeOffset Reset)
{
    private const string ItemKey = "orchestrator.rate-limit";

    public void Attach(HttpContext context) => context.Items[ItemKey] = this;

    public static RateLimitState? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as RateLimitState : null;
}
