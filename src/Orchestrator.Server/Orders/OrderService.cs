using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Orders;

/// <summary>
/// Orders for the API and the CLI: validation, then the account's writer for anything that changes state;
/// reads go straight to the database, always filtered by the caller's user id.
/// </summary>
public sealed class OrderService(OrchestratorDbContext db, AccountWriters writers, SymbolDirectory symbols, TimeProvider time)
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// The last page a list may ask for: (page - 1) × pageSize rows are skipped, an int in EF Core's Skip, and past
    /// int.MaxValue that product wrapped to a negative number (page 5,000,000 of 500 came back as page 1). A million
    /// pages of 500 is 500 million orders, far more than one user has.
    /// </summary>
    public const int MaxPage = 1_000_000;

    public sealed record PlaceResult(OrderOutcome? Outcome, ValidationErrors? Errors);

    public async Task<PlaceResult> PlaceAsync(Guid userId, PlaceOrderRequest request, string source, Actor actor, CancellationToken ct)
    {
        await symbols.EnsureLoadedAsync(db, ct);
        var (order, clientOrderId, errors) = OrderRequestValidator.Validate(request, time.GetUtcNow(), symbols);
        if (order is null)
        {
            return new PlaceResult(null, errors);
        }

        if (!await writers.OwnsAsync(userId, request.AccountId!.Value, db, ct))
        {
            return new PlaceResult(new OrderOutcome(OrderOutcomeKind.NotFound, Detail: "This account does not exist."), null);
        }

        var outcome = await writers.PlaceAsync(request.AccountId!.Value, new PlaceOrder(order, userId, clientOrderId, source, null, actor)).WaitAsync(ct);
        return new PlaceResult(outcome, null);
    }

    public async Task<OrderOutcome> CancelAsync(Guid userId, Guid orderId, Actor actor, CancellationToken ct)
    {
        var accountId = await db.Orders.AsNoTracking().Where(o => o.OrderId == orderId && o.UserId == userId).Select(o => (Guid?)o.AccountId).FirstOrDefaultAsync(ct);
        if (accountId is null)
        {
            return new OrderOutcome(OrderOutcomeKind.NotFound, Detail: "This order does not exist.");
        }

        var outcome = await writers.CancelAsync(accountId.Value, orderId, userId, actor, TimeSpan.FromSeconds(10), ct);
        return outcome.Kind == OrderOutcomeKind.Created
            ? outcome with { Order = await db.Orders.AsNoTracking().FirstAsync(o => o.OrderId == orderId && o.UserId == userId, ct) }
            : outcome;
    }

    public async Task<OrderView?> GetAsync(Guid userId, Guid orderId, CancellationToken ct) =>
        await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderId == orderId && o.UserId == userId, ct) is { } row ? OrderView.From(row) : null;

    public async Task<PagedList<OrderView>> ListAsync(Guid userId, OrderFilter filter, CancellationToken ct)
    {
        var query = db.Orders.AsNoTracking().Where(o => o.UserId == userId);
        if (filter.AccountId is { } accountId)
        {
            query = query.Where(o => o.AccountId == accountId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.Symbol is { } symbol)
        {
            query = query.Where(o => o.Symbol == symbol);
        }

        if (filter.From is { } from)
        {
            var fromUtc = from.UtcDateTime;
            query = query.Where(o => o.SubmittedAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.UtcDateTime;
            query = query.Where(o => o.SubmittedAt < toUtc);
        }

        var rows = await query.OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.OrderId)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize + 1).ToListAsync(ct);
        return new PagedList<OrderView>(rows.Take(filter.PageSize).Select(OrderView.From).ToList(), filter.Page, filter.PageSize, rows.Count > filter.PageSize);
    }

    /// <summary>An order's fills, oldest first; null when the caller has no such order.</summary>
    public async Task<IReadOnlyList<FillView>?> FillsAsync(Guid userId, Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.OrderId == orderId && o.UserId == userId)
            .Select(o => new { o.OrderId, o.SubmittedAt }).FirstOrDefaultAsync(ct);
        if (order is null)
        {
            return null;
        }

        var fills = await db.OrderFills.AsNoTracking().Where(f => f.OrderId == order.OrderId && f.OrderSubmittedAt == order.SubmittedAt).ToListAsync(ct);
        return fills.OrderBy(f => f.ExchangeTime).ThenBy(f => f.TradeId, StringComparer.Ordinal).Select(FillView.From).ToList();
    }
}
