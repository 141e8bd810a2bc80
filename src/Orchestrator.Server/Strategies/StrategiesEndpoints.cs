using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// <c>/api/v1/strategy-templates</c> (the catalog) and <c>/api/v1/strategies</c> (the caller's strategies and the
/// marketplace of public ones). API keys need <c>can_read</c> for GET and <c>can_write</c> for the rest, as
/// everywhere (<see cref="ApiAccessHandler"/>).
/// </summary>
public static class StrategiesEndpoints
{
    public static IEndpointRouteBuilder MapStrategiesApiV1(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup(ServerDefaults.ApiPrefix + "/strategy-templates").WithTags("Strategies").RequireAuthorization(ApiAccessRequirement.PolicyName);
        templates.MapGet("/", TemplatesAsync).WithName("ListStrategyTemplates").WithSummary("The template catalog, with default parameters and their JSON Schema");
        templates.MapGet("/{name}", TemplateAsync).WithName("GetStrategyTemplate").WithSummary("One template of the catalog");

        var strategies = app.MapGroup(ServerDefaults.ApiPrefix + "/strategies").WithTags("Strategies").RequireAuthorization(ApiAccessRequirement.PolicyName);
        strategies.MapPost("/", CreateAsync).WithName("CreateStrategy").WithSummary("Create a strategy from a template with parameter overrides");
        strategies.MapGet("/", ListAsync).WithName("ListStrategies").WithSummary("The caller's strategies");
        strategies.MapGet("/{id:guid}", GetAsync).WithName("GetStrategy").WithSummary("One of the caller's strategies");
        strategies.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateStrategy")
            .WithSummary("Change the name, parameter overrides, risk settings, schedule, backtest configuration or flags");
        strategies.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteStrategy").WithSummary("Delete a strategy no signal or backtest refers to");
        strategies.MapGet("/public", PublicAsync).WithName("ListPublicStrategies").WithSummary("The marketplace: every user's public strategies, without their owners");
        strategies.MapPost("/public/{id:guid}/copy", CopyAsync).WithName("CopyPublicStrategy").WithSummary("Copy a public strategy into the caller's (private, inactive)");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<StrategyTemplateView>>> TemplatesAsync(StrategyService service, CancellationToken ct) =>
        TypedResults.Ok(await service.TemplatesAsync(ct));

    private static async Task<Results<Ok<StrategyTemplateView>, ProblemHttpResult>> TemplateAsync(string name, StrategyService service, CancellationToken ct) =>
        await service.TemplateAsync(name, ct) is { } template ? TypedResults.Ok(template) : ApiProblems.NotFound($"The template '{name}'");

    private static async Task<Results<Created<StrategyView>, ProblemHttpResult>> CreateAsync(CreateStrategyRequest body, StrategyService service, HttpContext http, CancellationToken ct) =>
        Answer(await service.CreateAsync(Caller.Required(http).UserId, body, HttpActor.From(http), ct), created: true);

    private static async Task<Ok<IReadOnlyList<StrategyView>>> ListAsync(StrategyService service, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(Caller.Required(http).UserId, ct));

    private static async Task<Results<Ok<StrategyView>, ProblemHttpResult>> GetAsync(Guid id, StrategyService service, HttpContext http, CancellationToken ct) =>
        await service.GetAsync(Caller.Required(http).UserId, id, ct) is { } strategy ? TypedResults.Ok(strategy) : ApiProblems.NotFound("This strategy");

    private static async Task<Results<Ok<StrategyView>, ProblemHttpResult>> UpdateAsync(Guid id, JsonElement body, StrategyService service, HttpContext http, CancellationToken ct)
    {
        var outcome = await service.UpdateAsync(Caller.Required(http).UserId, id, body, HttpActor.From(http), ct);
        return outcome.Strategy is { } strategy ? TypedResults.Ok(strategy) : Problem(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, StrategyService service, HttpContext http, CancellationToken ct)
    {
        var outcome = await service.DeleteAsync(Caller.Required(http).UserId, id, HttpActor.From(http), ct);
        return outcome.Strategy is not null ? TypedResults.NoContent() : Problem(outcome);
    }

    private static async Task<Results<Ok<IReadOnlyList<PublicStrategyView>>, ProblemHttpResult>> PublicAsync(
        StrategyMarketplace marketplace, CancellationToken ct, string? template = null, int limit = 100)
    {
        if (limit is < 1 or > 1000)
        {
            return new ValidationErrors().Add("limit", "must be between 1 and 1000.").ToProblem();
        }

        return TypedResults.Ok(await marketplace.ListAsync(template, limit, ct));
    }

    private static async Task<Results<Created<StrategyView>, ProblemHttpResult>> CopyAsync(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CopyStrategyRequest? body, StrategyMarketplace marketplace, HttpContext http, CancellationToken ct) =>
        Answer(await marketplace.CopyAsync(Caller.Required(http).UserId, id, body, HttpActor.From(http), ct), created: true);

    private static Results<Created<StrategyView>, ProblemHttpResult> Answer(StrategyService.Outcome outcome, bool created) =>
        outcome.Strategy is { } strategy && created
            ? TypedResults.Created($"{ServerDefaults.ApiPrefix}/strategies/{strategy.StrategyId}", strategy)
            : Problem(outcome);

    private static ProblemHttpResult Problem(StrategyService.Outcome outcome) => outcome switch
    {
        { Errors: { } errors } => errors.ToProblem(),
        { Conflict: { } conflict } => ApiProblems.Conflict(conflict),
        _ => ApiProblems.NotFound("This strategy"),
    };
}
