using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.MarketData.Live;

/// <summary><c>GET /api/v1/quotes/{symbol}</c>: the latest quote published for a symbol.</summary>
public static class QuotesEndpoints
{
    public static IEndpointRouteBuilder MapQuotesApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet(ServerDefaults.ApiPrefix + "/quotes/{symbol}", GetAsync).WithTags("Market data").RequireAuthorization(ApiAccessRequirement.PolicyName)
            .WithName("GetLatestQuote").WithSummary("The latest quote of a symbol (404 when none was published)");
        return app;
    }

    private static async Task<Results<Ok<LiveEvent>, ProblemHttpResult>> GetAsync(string symbol, IQuoteHub hub, CancellationToken ct) =>
        await hub.LatestQuoteAsync(symbol.ToUpperInvariant(), ct) is { } quote ? TypedResults.Ok(quote) : ApiProblems.NotFound($"A quote for '{symbol}'");
}
