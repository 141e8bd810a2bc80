using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.RateLimiting;

/// <summary>The 429 answer: problem details and <c>Retry-After</c> in whole seconds (rounded up).</summary>
public static class TooManyRequests
{
    public static async Task WriteAsync(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = detail,
                Type = ProblemDetailsSetup.TypeBase + "rate-limited",
            },
        });
    }
}
