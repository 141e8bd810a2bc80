using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.Backtests;

/// <summary><c>/api/v1/backtests</c>: run a backtest as a background job, follow its progress, list and read results.</summary>
public static class BacktestsEndpoints
{
    public static IEndpointRouteBuilder MapBacktestsApiV1(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ServerDefaults.ApiPrefix + "/backtests").WithTags("Backtests").RequireAuthorization(ApiAccessRequirement.PolicyName);
        group.MapPost("/", RunAsync).WithName("RunBacktest").WithSummary("Queue a backtest of one of your strategies (202 with the run to follow)");
        group.MapGet("/runs/{runId:guid}", RunStatusAsync).WithName("GetBacktestRun").WithSummary("A backtest job's status and progress");
        group.MapGet("/", ListAsync).WithName("ListBacktests").WithSummary("Your stored backtests, newest first (strategyId filters)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetBacktest").WithSummary("One backtest: statistics, equity curve, trades, parameters");
        return app;
    }

    private static async Task<Results<Accepted<BacktestRunView>, ProblemHttpResult>> RunAsync(
        RunBacktestRequest body, BacktestJobs jobs, HttpContext http, CancellationToken ct)
    {
        var (run, errors, notFound) = await jobs.EnqueueAsync(Caller.Required(http).UserId, body, HttpActor.From(http), ct);
        if (notFound)
        {
            return ApiProblems.NotFound("This strategy");
        }

        return errors is not null
            ? errors.ToProblem()
            : TypedResults.Accepted($"{ServerDefaults.ApiPrefix}/backtests/runs/{run!.RunId}", run);
    }

    private static async Task<Results<Ok<BacktestRunView>, ProblemHttpResult>> RunStatusAsync(Guid runId, BacktestJobs jobs, HttpContext http, CancellationToken ct) =>
        await jobs.GetRunAsync(Caller.Required(http).UserId, runId, ct) is { } run ? TypedResults.Ok(run) : ApiProblems.NotFound("This backtest run");

    private static async Task<Results<Ok<IReadOnlyList<BacktestSummaryView>>, ProblemHttpResult>> ListAsync(
        BacktestQueries queries, HttpContext http, Guid? strategyId, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 1_000)
        {
            return new ValidationErrors().Add("limit", "must be between 1 and 1000").ToProblem();
        }

        return TypedResults.Ok(await queries.ListAsync(Caller.Required(http).UserId, strategyId, limit ?? 100, ct));
    }

    private static async Task<Results<Ok<BacktestDetailView>, ProblemHttpResult>> GetAsync(Guid id, BacktestQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.GetAsync(Caller.Required(http).UserId, id, ct) is { } backtest ? TypedResults.Ok(backtest) : ApiProblems.NotFound("This backtest");
}
