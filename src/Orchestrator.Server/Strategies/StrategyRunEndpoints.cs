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
/// Running the caller's strategies: <c>POST /api/v1/strategies/{id}/start</c> and <c>/stop</c>, and their status
/// (<c>GET /api/v1/strategies/{id}/status</c>, <c>GET /api/v1/strategies/status</c> for all of them). API keys need
/// <c>can_read</c> for the status and <c>can_write</c> to start or stop (<see cref="ApiAccessHandler"/>); another
/// user's strategy does not exist here (404).
/// </summary>
public static class StrategyRunEndpoints
{
    public static IEndpointRouteBuilder MapStrategyRunsApiV1(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup(ServerDefaults.ApiPrefix + "/strategies").WithTags("Strategies").RequireAuthorization(ApiAccessRequirement.PolicyName);
        runs.MapPost("/{id:guid}/start", StartAsync).WithName("StartStrategy")
            .WithSummary("Run a strategy on one of your accounts and a list of symbols (both optional when already stored)")
            // The body is optional, so a POST without one (and without a Content-Type) must reach this endpoint, not the
            // API's catch-all fallback, which accepts any content type and would otherwise win such requests (405). A
            // body that is not JSON is still refused by the binding (415).
            .Accepts<StartStrategyRequest>(isOptional: true, "application/json", "*/*");
        runs.MapPost("/{id:guid}/stop", StopAsync).WithName("StopStrategy").WithSummary("Stop a strategy and make it inactive (stopping a stopped one is no error)");
        runs.MapGet("/{id:guid}/status", StatusAsync).WithName("GetStrategyStatus").WithSummary("What the runner is doing with one of your strategies");
        runs.MapGet("/status", StatusesAsync).WithName("ListStrategyStatuses").WithSummary("What the runner is doing with each of your strategies");
        return app;
    }

    private static async Task<Results<Ok<StrategyStatusView>, ProblemHttpResult>> StartAsync(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StartStrategyRequest? body, StrategyRunService service, HttpContext http,
        CancellationToken ct) =>
        Answer(await service.StartAsync(Caller.Required(http).UserId, id, body ?? new StartStrategyRequest(), HttpActor.From(http), ct));

    private static async Task<Results<Ok<StrategyStatusView>, ProblemHttpResult>> StopAsync(Guid id, StrategyRunService service, HttpContext http, CancellationToken ct) =>
        Answer(await service.StopAsync(Caller.Required(http).UserId, id, HttpActor.From(http), ct));

    private static async Task<Results<Ok<StrategyStatusView>, ProblemHttpResult>> StatusAsync(Guid id, StrategyRunService service, HttpContext http, CancellationToken ct) =>
        await service.StatusAsync(Caller.Required(http).UserId, id, ct) is { } status ? TypedResults.Ok(status) : ApiProblems.NotFound("This strategy");

    private static async Task<Ok<IReadOnlyList<StrategyStatusView>>> StatusesAsync(StrategyRunService service, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await service.StatusesAsync(Caller.Required(http).UserId, null, ct));

    private static Results<Ok<StrategyStatusView>, ProblemHttpResult> Answer(StrategyRunService.Outcome outcome) => outcome switch
    {
        { Status: { } status } => TypedResults.Ok(status),
        { Errors: { } errors } => errors.ToProblem(),
        { Conflict: { } conflict } => ApiProblems.Conflict(conflict),
        _ => ApiProblems.NotFound("This strategy"),
    };
}
