using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Domain.Orders;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.Orders;

/// <summary>
/// <c>/api/v1/orders</c>. Placing and cancelling need <c>can_trade</c> on an API key; reads need <c>can_read</c>.
/// </summary>
public static class OrdersEndpoints
{
    public static IEndpointRouteBuilder MapOrdersApiV1(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup(ServerDefaults.ApiPrefix + "/orders").WithTags("Orders").RequireAuthorization(ApiAccessRequirement.PolicyName);
        orders.MapPost("/", PlaceAsync).WithMetadata(new RequiresTradeAttribute()).WithName("PlaceOrder")
            .WithSummary("Place an order; the same clientOrderId with the same fields returns the original (200)");
        orders.MapGet("/", ListAsync).WithName("ListOrders").WithSummary("The caller's orders, newest first, filtered and paged");
        orders.MapGet("/{id:guid}", GetAsync).WithName("GetOrder").WithSummary("One of the caller's orders");
        orders.MapDelete("/{id:guid}", CancelAsync).WithMetadata(new RequiresTradeAttribute()).WithName("CancelOrder")
            .WithSummary("Cancel what remains of a working order");
        orders.MapGet("/{id:guid}/fills", FillsAsync).WithName("ListOrderFills").WithSummary("An order's executions");
        return app;
    }

    private static async Task<IResult> PlaceAsync(PlaceOrderRequest body, OrderService orders, HttpContext http, CancellationToken ct)
    {
        var caller = Caller.Required(http);
        var result = await orders.PlaceAsync(caller.UserId, body, caller.IsApiKey ? OrderSources.Api : OrderSources.Manual, HttpActor.From(http), ct);
        return result.Errors is { } errors ? errors.ToProblem() : ToResult(result.Outcome!);
    }

    private static async Task<IResult> CancelAsync(Guid id, OrderService orders, HttpContext http, CancellationToken ct)
    {
        try
        {
            return ToResult(await orders.CancelAsync(Caller.Required(http).UserId, id, HttpActor.From(http), ct), cancelled: true);
        }
        catch (TimeoutException)
        {
            // The broker accepted the cancel but its confirmation has not been stored yet: the client polls the order.
            return TypedResults.Accepted($"{ServerDefaults.ApiPrefix}/orders/{id}");
        }
    }

    private static async Task<Results<Ok<PagedList<OrderView>>, ProblemHttpResult>> ListAsync(
        OrderService orders, HttpContext http, CancellationToken ct, Guid? accountId = null, string? status = null, string? symbol = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int pageSize = 50)
    {
        var errors = new ValidationErrors()
            .Check(status is null || OrderCodes.ParseStatus(status) is not null, "status", "must be NEW, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED or EXPIRED.")
            .Check(page is >= 1 and <= OrderService.MaxPage, "page", $"must be between 1 and {OrderService.MaxPage}.")
            .Check(pageSize is >= 1 and <= OrderService.MaxPageSize, "pageSize", $"must be between 1 and {OrderService.MaxPageSize}.")
            .Check(from is null || to is null || from < to, "from", "must be before to.");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var filter = new OrderFilter(accountId, status, symbol?.Trim().ToUpperInvariant(), from, to, page, pageSize);
        return TypedResults.Ok(await orders.ListAsync(Caller.Required(http).UserId, filter, ct));
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetAsync(Guid id, OrderService orders, HttpContext http, CancellationToken ct) =>
        await orders.GetAsync(Caller.Required(http).UserId, id, ct) is { } order ? TypedResults.Ok(order) : ApiProblems.NotFound("This order");

    private static async Task<Results<Ok<IReadOnlyList<FillView>>, ProblemHttpResult>> FillsAsync(Guid id, OrderService orders, HttpContext http, CancellationToken ct) =>
        await orders.FillsAsync(Caller.Required(http).UserId, id, ct) is { } fills ? TypedResults.Ok(fills) : ApiProblems.NotFound("This order");

    private static IResult ToResult(OrderOutcome outcome, bool cancelled = false) => outcome.Kind switch
    {
        OrderOutcomeKind.Created when cancelled => TypedResults.Ok(OrderView.From(outcome.Order!)),
        OrderOutcomeKind.Created => TypedResults.Created($"{ServerDefaults.ApiPrefix}/orders/{outcome.Order!.OrderId}", OrderView.From(outcome.Order)),
        OrderOutcomeKind.Existing => TypedResults.Ok(OrderView.From(outcome.Order!)),
        OrderOutcomeKind.Rejected => Rejected(outcome),
        OrderOutcomeKind.Conflict => WithOrder(ApiProblems.Conflict(outcome.Detail!), outcome),
        _ => ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", "not-found", outcome.Detail ?? "This order does not exist."),
    };

    /// <summary>422 naming the limit, the value and the threshold; the order is stored as REJECTED.</summary>
    private static ProblemHttpResult Rejected(OrderOutcome outcome)
    {
        var problem = ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Order rejected", "order-rejected", outcome.Detail!);
        problem.ProblemDetails.Extensions["limit"] = outcome.Violation?.Limit;
        problem.ProblemDetails.Extensions["value"] = outcome.Violation?.Value;
        problem.ProblemDetails.Extensions["threshold"] = outcome.Violation?.Threshold;
        return WithOrder(problem, outcome);
    }

    private static ProblemHttpResult WithOrder(ProblemHttpResult problem, OrderOutcome outcome)
    {
        if (outcome.Order is { } order)
        {
            problem.ProblemDetails.Extensions["order"] = OrderView.From(order);
        }

        return problem;
    }
}
