using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Accounts;

/// <summary><c>/api/v1/brokers</c> and <c>/api/v1/accounts</c>, with each account's positions and balances.</summary>
public static class AccountsEndpoints
{
    public static IEndpointRouteBuilder MapAccountsApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet(ServerDefaults.ApiPrefix + "/brokers", BrokersAsync).WithTags("Accounts").RequireAuthorization(ApiAccessRequirement.PolicyName)
            .WithName("ListBrokers").WithSummary("The broker catalog");

        var accounts = app.MapGroup(ServerDefaults.ApiPrefix + "/accounts").WithTags("Accounts").RequireAuthorization(ApiAccessRequirement.PolicyName);
        accounts.MapPost("/", CreateAsync).WithName("CreateAccount").WithSummary("Add a broker account (paper accounts start with initialCash)");
        accounts.MapGet("/", ListAsync).WithName("ListAccounts").WithSummary("The caller's accounts (never their credentials)");
        accounts.MapGet("/{id:guid}", GetAsync).WithName("GetAccount").WithSummary("One of the caller's accounts");
        accounts.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateAccount").WithSummary("Change the name, limits or credentials");
        accounts.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteAccount").WithSummary("Cancel working orders and close the account (soft delete)");
        accounts.MapPost("/{id:guid}/connect", (Guid id, AccountService service, HttpContext http, CancellationToken ct) => SetConnectedAsync(id, true, service, http, ct))
            .WithName("ConnectAccount").WithSummary("Check the credentials with the broker and allow orders");
        accounts.MapPost("/{id:guid}/disconnect", (Guid id, AccountService service, HttpContext http, CancellationToken ct) => SetConnectedAsync(id, false, service, http, ct))
            .WithName("DisconnectAccount").WithSummary("Stop new orders on the account");
        accounts.MapGet("/{id:guid}/positions", PositionsAsync).WithName("ListPositions").WithSummary("Open positions (includeClosed=true for all)");
        accounts.MapGet("/{id:guid}/balances", BalancesAsync).WithName("ListBalances").WithSummary("Balance snapshots, newest first");
        return app;
    }

    private static async Task<Ok<List<BrokerView>>> BrokersAsync(OrchestratorDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Brokers.AsNoTracking().OrderBy(b => b.BrokerId).ToListAsync(ct)).Select(BrokerView.From).ToList());

    private static async Task<Results<Created<AccountView>, ProblemHttpResult>> CreateAsync(CreateAccountRequest body, AccountService service, HttpContext http, CancellationToken ct)
    {
        var outcome = await service.CreateAsync(Caller.Required(http).UserId, body, HttpActor.From(http), ct);
        if (outcome.Errors is { } errors)
        {
            return errors.ToProblem();
        }

        return outcome.Conflict is { } conflict
            ? ApiProblems.Conflict(conflict)
            : TypedResults.Created($"{ServerDefaults.ApiPrefix}/accounts/{outcome.Account!.AccountId}", outcome.Account);
    }

    private static async Task<Ok<IReadOnlyList<AccountView>>> ListAsync(AccountService service, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(Caller.Required(http).UserId, ct));

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAsync(Guid id, AccountService service, HttpContext http, CancellationToken ct) =>
        await service.GetAsync(Caller.Required(http).UserId, id, ct) is { } account ? TypedResults.Ok(account) : ApiProblems.NotFound("This account");

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> UpdateAsync(Guid id, JsonElement body, AccountService service, HttpContext http, CancellationToken ct)
    {
        var (account, errors) = await service.UpdateAsync(Caller.Required(http).UserId, id, body, HttpActor.From(http), ct);
        if (errors is not null)
        {
            return errors.ToProblem();
        }

        return account is null ? ApiProblems.NotFound("This account") : TypedResults.Ok(account);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, AccountService service, HttpContext http, CancellationToken ct) =>
        await service.DeleteAsync(Caller.Required(http).UserId, id, HttpActor.From(http), ct) ? TypedResults.NoContent() : ApiProblems.NotFound("This account");

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> SetConnectedAsync(Guid id, bool connect, AccountService service, HttpContext http, CancellationToken ct) =>
        await service.SetConnectedAsync(Caller.Required(http).UserId, id, connect, HttpActor.From(http), ct) is { } account
            ? TypedResults.Ok(account)
            : ApiProblems.NotFound("This account");

    private static async Task<Results<Ok<List<PositionView>>, ProblemHttpResult>> PositionsAsync(
        Guid id, OrchestratorDbContext db, HttpContext http, CancellationToken ct, bool includeClosed = false)
    {
        var userId = Caller.Required(http).UserId;
        if (!await db.UserBrokerAccounts.AnyAsync(a => a.AccountId == id && a.UserId == userId, ct))
        {
            return ApiProblems.NotFound("This account");
        }

        var rows = await db.AccountPositions.AsNoTracking().Where(p => p.AccountId == id && (includeClosed || p.ClosedAt == null)).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(p => p.Symbol, StringComparer.Ordinal).ThenByDescending(p => p.OpenedAt).Select(PositionView.From).ToList());
    }

    private static async Task<Results<Ok<List<BalanceView>>, ProblemHttpResult>> BalancesAsync(
        Guid id, OrchestratorDbContext db, HttpContext http, CancellationToken ct, int limit = 100)
    {
        var userId = Caller.Required(http).UserId;
        if (limit is < 1 or > 10_000)
        {
            return new ValidationErrors().Add("limit", "must be between 1 and 10000.").ToProblem();
        }

        if (!await db.UserBrokerAccounts.AnyAsync(a => a.AccountId == id && a.UserId == userId, ct))
        {
            return ApiProblems.NotFound("This account");
        }

        var rows = await db.AccountBalances.AsNoTracking().Where(b => b.AccountId == id).OrderByDescending(b => b.RecordedAt).Take(limit).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(BalanceView.From).ToList());
    }
}
