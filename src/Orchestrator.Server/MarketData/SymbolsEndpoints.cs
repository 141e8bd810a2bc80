using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Domain.Common;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.MarketData;

/// <summary><c>/api/v1/symbols</c>: the symbol universe, read-only through the API (operators set it with the CLI).</summary>
public static class SymbolsEndpoints
{
    public static IEndpointRouteBuilder MapSymbolsApiV1(this IEndpointRouteBuilder app)
    {
        var symbols = app.MapGroup(ServerDefaults.ApiPrefix + "/symbols").WithTags("Market data").RequireAuthorization(ApiAccessRequirement.PolicyName);
        symbols.MapGet("/", ListAsync).WithName("ListSymbols").WithSummary("The symbol universe, filtered by exchange, asset class, active");
        symbols.MapGet("/{symbol}", GetAsync).WithName("GetSymbol").WithSummary("One symbol with its trading hours");
        symbols.MapGet("/{symbol}/session", SessionAsync).WithName("GetSymbolSession").WithSummary("Whether the symbol trades at an instant (default now) and its session's open and close");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<SymbolView>>, ProblemHttpResult>> ListAsync(
        SymbolService service, CancellationToken ct, string? exchange = null, string? assetClass = null, bool? active = null)
    {
        if (assetClass is not null && !SymbolService.AssetClasses.Contains(assetClass))
        {
            return new ValidationErrors().Add("assetClass", $"must be one of {string.Join(", ", SymbolService.AssetClasses)}.").ToProblem();
        }

        return TypedResults.Ok(await service.ListAsync(exchange, assetClass, active, ct));
    }

    private static async Task<Results<Ok<SymbolView>, ProblemHttpResult>> GetAsync(string symbol, SymbolService service, CancellationToken ct) =>
        await service.GetAsync(symbol, ct) is { } found ? TypedResults.Ok(found) : ApiProblems.NotFound($"The symbol '{symbol}'");

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> SessionAsync(
        string symbol, SymbolService service, TimeProvider time, CancellationToken ct, DateTimeOffset? at = null)
    {
        if (at is { } instant && CalendarRange.Problem(instant) is { } problem)
        {
            return new ValidationErrors().Add("at", problem).ToProblem();
        }

        return TypedResults.Ok(await service.SessionAsync(symbol, at ?? time.GetUtcNow(), ct));
    }
}
