using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Orders;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Risk;

/// <summary><c>/api/v1/risk</c>: the caller's risk profiles (one active) and kill switch.</summary>
public static class RiskEndpoints
{
    public static IEndpointRouteBuilder MapRiskApiV1(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ServerDefaults.ApiPrefix + "/risk").WithTags("Risk").RequireAuthorization(ApiAccessRequirement.PolicyName);
        group.MapGet("/profiles", ListAsync).WithName("ListRiskProfiles").WithSummary("Your risk profiles (one is active)");
        group.MapPost("/profiles", CreateAsync).WithName("CreateRiskProfile").WithSummary("Add a risk profile (your first one becomes active)");
        group.MapGet("/profiles/{id:guid}", GetAsync).WithName("GetRiskProfile").WithSummary("One of your risk profiles");
        group.MapPut("/profiles/{id:guid}", ReplaceAsync).WithName("ReplaceRiskProfile").WithSummary("Replace a profile's limits");
        group.MapDelete("/profiles/{id:guid}", DeleteAsync).WithName("DeleteRiskProfile").WithSummary("Delete a profile that is not active");
        group.MapPost("/profiles/{id:guid}/activate", ActivateAsync).WithName("ActivateRiskProfile").WithSummary("Make this the enforced profile");
        group.MapPost("/calculations", CalculateAsync).WithName("CalculateRisk").WithSummary("Calculate VaR, ES, beta, concentrations and exposures now, and store them");
        group.MapGet("/calculations", CalculationsAsync).WithName("ListRiskCalculations").WithSummary("Your stored risk calculations, newest first");
        group.MapPost("/check", CheckAsync).WithName("CheckOrderRisk").WithSummary("Would this order pass? (a dry run: nothing is placed or changed)");
        group.MapGet("/alerts", AlertsAsync).WithName("ListRiskAlerts").WithSummary("Your risk alerts, newest first (unresolved=true for open ones)");
        group.MapPost("/alerts/{id:guid}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeRiskAlert").WithSummary("Acknowledge an alert");
        group.MapPost("/alerts/{id:guid}/resolve", ResolveAsync).WithName("ResolveRiskAlert").WithSummary("Resolve an alert with the action taken");
        group.MapGet("/state", StateAsync).WithName("GetTradingState").WithSummary("Your kill switch: ACTIVE, REDUCING or HALTED");
        group.MapPut("/state", SetStateAsync).WithName("SetTradingState").WithSummary("Set your kill switch by hand, with a reason");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RiskProfileView>>> ListAsync(RiskProfileService service, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(Caller.Required(http).UserId, ct));

    private static async Task<Results<Ok<RiskProfileView>, ProblemHttpResult>> GetAsync(Guid id, RiskProfileService service, HttpContext http, CancellationToken ct) =>
        await service.GetAsync(Caller.Required(http).UserId, id, ct) is { } profile ? TypedResults.Ok(profile) : ApiProblems.NotFound("This risk profile");

    private static async Task<Results<Created<RiskProfileView>, ProblemHttpResult>> CreateAsync(
        RiskProfileRequest body, RiskProfileService service, HttpContext http, CancellationToken ct)
    {
        var outcome = await service.CreateAsync(Caller.Required(http).UserId, body, HttpActor.From(http), ct);
        return outcome.Profile is { } profile
            ? TypedResults.Created($"{ServerDefaults.ApiPrefix}/risk/profiles/{profile.ProfileId}", profile)
            : Problem(outcome);
    }

    private static async Task<Results<Ok<RiskProfileView>, ProblemHttpResult>> ReplaceAsync(
        Guid id, RiskProfileRequest body, RiskProfileService service, HttpContext http, CancellationToken ct) =>
        Result(await service.ReplaceAsync(Caller.Required(http).UserId, id, body, HttpActor.From(http), ct));

    private static async Task<Results<Ok<RiskProfileView>, ProblemHttpResult>> ActivateAsync(Guid id, RiskProfileService service, HttpContext http, CancellationToken ct) =>
        Result(await service.ActivateAsync(Caller.Required(http).UserId, id, HttpActor.From(http), ct));

    private static async Task<Results<Ok<RiskProfileView>, ProblemHttpResult>> DeleteAsync(Guid id, RiskProfileService service, HttpContext http, CancellationToken ct) =>
        Result(await service.DeleteAsync(Caller.Required(http).UserId, id, HttpActor.From(http), ct));

    private static async Task<Results<Ok<TradingStateView>, ProblemHttpResult>> StateAsync(TradingStateService service, HttpContext http, CancellationToken ct) =>
        await service.GetAsync(Caller.Required(http).UserId, ct) is { } state ? TypedResults.Ok(state) : ApiProblems.NotFound("This user");

    private static async Task<Results<Ok<TradingStateView>, ProblemHttpResult>> SetStateAsync(
        TradingStateRequest body, TradingStateService service, HttpContext http, CancellationToken ct)
    {
        var (state, errors) = await service.SetAsync(Caller.Required(http).UserId, body, HttpActor.From(http), ct);
        return errors is not null ? errors.ToProblem() : TypedResults.Ok(state!);
    }

    private static async Task<Results<Created<RiskCalculationResult>, ProblemHttpResult>> CalculateAsync(
        RiskCalculationRequest body, RiskCalculationService service, HttpContext http, CancellationToken ct)
    {
        var outcome = await service.CalculateAsync(Caller.Required(http).UserId, body.AccountId, body.Benchmark, ct);
        return outcome.NotFound
            ? ApiProblems.NotFound("This account")
            : TypedResults.Created($"{ServerDefaults.ApiPrefix}/risk/calculations", new RiskCalculationResult(RiskCalculationView.From(outcome.Row!), outcome.Report!));
    }

    private static async Task<Results<Ok<IReadOnlyList<RiskCalculationView>>, ProblemHttpResult>> CalculationsAsync(
        RiskCalculationService service, HttpContext http, Guid? accountId, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 1_000)
        {
            return new ValidationErrors().Add("limit", "must be between 1 and 1000").ToProblem();
        }

        var rows = await service.ListAsync(Caller.Required(http).UserId, accountId, limit ?? 100, ct);
        return TypedResults.Ok<IReadOnlyList<RiskCalculationView>>([.. rows.Select(RiskCalculationView.From)]);
    }

    private static async Task<Results<Ok<RiskCheckView>, ProblemHttpResult>> CheckAsync(
        PlaceOrderRequest body, RiskCheckService service, HttpContext http, CancellationToken ct)
    {
        var (result, errors, notFound) = await service.CheckAsync(Caller.Required(http).UserId, body, ct);
        return notFound ? ApiProblems.NotFound("This account") : errors is not null ? errors.ToProblem() : TypedResults.Ok(result!);
    }

    private static async Task<Ok<List<RiskAlert>>> AlertsAsync(RiskAlertService service, HttpContext http, bool? unresolved, CancellationToken ct) =>
        TypedResults.Ok((await service.ListAsync(Caller.Required(http).UserId, unresolved == true, ct)).ToList());

    private static async Task<Results<Ok<RiskAlert>, ProblemHttpResult>> AcknowledgeAsync(Guid id, RiskAlertService service, HttpContext http, CancellationToken ct) =>
        await service.AcknowledgeAsync(Caller.Required(http).UserId, id, HttpActor.From(http), ct) is { } alert ? TypedResults.Ok(alert) : ApiProblems.NotFound("This alert");

    private static async Task<Results<Ok<RiskAlert>, ProblemHttpResult>> ResolveAsync(
        Guid id, ResolveAlertRequest body, RiskAlertService service, HttpContext http, CancellationToken ct)
    {
        var (alert, errors) = await service.ResolveAsync(Caller.Required(http).UserId, id, body.Action, HttpActor.From(http), ct);
        return errors is not null ? errors.ToProblem() : alert is not null ? TypedResults.Ok(alert) : ApiProblems.NotFound("This alert");
    }

    private static Results<Ok<RiskProfileView>, ProblemHttpResult> Result(RiskProfileService.Outcome outcome) =>
        outcome.Profile is { } profile ? TypedResults.Ok(profile) : Problem(outcome);

    private static ProblemHttpResult Problem(RiskProfileService.Outcome outcome) =>
        outcome.NotFound ? ApiProblems.NotFound("This risk profile")
        : outcome.Conflict is { } conflict ? ApiProblems.Conflict(conflict)
        : outcome.Errors!.ToProblem();
}
