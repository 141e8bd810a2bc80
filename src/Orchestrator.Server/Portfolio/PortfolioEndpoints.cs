using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Portfolio;

/// <summary>The seed's three reports: portfolio summary, recent activity and strategy performance.</summary>
public static class PortfolioEndpoints
{
    public static IEndpointRouteBuilder MapPortfolioApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet(ServerDefaults.ApiPrefix + "/portfolio/summary", SummaryAsync).WithTags("Portfolio").RequireAuthorization(ApiAccessRequirement.PolicyName)
            .WithName("PortfolioSummary").WithSummary("Cash (latest balance per account, counted once), positions value and counts");
        app.MapGet(ServerDefaults.ApiPrefix + "/portfolio/activity", ActivityAsync).WithTags("Portfolio").RequireAuthorization(ApiAccessRequirement.PolicyName)
            .WithName("PortfolioActivity").WithSummary("The last 100 orders since an instant (default: the last 24 hours)");
        app.MapGet(ServerDefaults.ApiPrefix + "/strategies/performance", PerformanceAsync).WithTags("Portfolio").RequireAuthorization(ApiAccessRequirement.PolicyName)
            .WithName("StrategyPerformance").WithSummary("Executions, P&L, win rate, best and worst trade per active strategy");
        return app;
    }

    private static async Task<Ok<PortfolioSummary>> SummaryAsync(PortfolioQueries queries, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await queries.SummaryAsync(Caller.Required(http).UserId, ct));

    private static async Task<Ok<IReadOnlyList<ActivityRow>>> ActivityAsync(PortfolioQueries queries, HttpContext http, TimeProvider time, CancellationToken ct, DateTimeOffset? since = null) =>
        TypedResults.Ok(await queries.ActivityAsync(Caller.Required(http).UserId, since ?? time.GetUtcNow().AddDays(-1), ct));

    private static async Task<Ok<IReadOnlyList<StrategyPerformanceSummary>>> PerformanceAsync(PortfolioQueries queries, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await queries.StrategyPerformanceAsync(Caller.Required(http).UserId, ct));
}
