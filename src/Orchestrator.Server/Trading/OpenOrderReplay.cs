using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Storage.Model;
using DomainOrder = Orchestrator.Domain.Orders.Order;
using OrderRow = Orchestrator.Storage.Model.Entities.Order;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Working orders (NEW, PARTIALLY_FILLED) as the engine knew them: each row rebuilt into a domain order and
/// its stored fills replayed onto it, oldest order first (submission order is the book's time priority).
/// </summary>
internal static class OpenOrderReplay
{
    public static async Task<IReadOnlyList<(OrderRow Row, DomainOrder Order)>> LoadAsync(OrchestratorDbContext db, Guid? accountId, CancellationToken ct)
    {
        var query = db.Orders.AsNoTracking().Where(o => o.Status == "NEW" || o.Status == "PARTIALLY_FILLED");
        if (accountId is { } id)
        {
            query = query.Where(o => o.AccountId == id);
        }

        var rows = await query.OrderBy(o => o.SubmittedAt).ToListAsync(ct);
        var ids = rows.Select(o => o.OrderId).ToList();
        var fills = (await db.OrderFills.AsNoTracking().Where(f => ids.Contains(f.OrderId)).ToListAsync(ct))
            .OrderBy(f => f.ExchangeTime).ThenBy(f => f.TradeId, StringComparer.Ordinal).ToLookup(f => f.OrderId);
        return rows.Select(row =>
        {
            var order = ToDomain(row);
            foreach (var fill in fills[row.OrderId])
            {
                order.ApplyFill(fill.FillQuantity, fill.FillPrice, Utc(fill.ExchangeTime ?? row.SubmittedAt));
            }

            return (row, order);
        }).ToList();
    }

    public static DomainOrder ToDomain(OrderRow row) => new(
        row.OrderId, row.Symbol, OrderCodes.ParseSide(row.Side)!.Value, OrderCodes.ParseType(row.OrderType)!.Value, row.Quantity,
        OrderCodes.ParseTimeInForce(row.TimeInForce ?? "DAY")!.Value, row.LimitPrice, row.StopPrice,
        row.GoodTillDate is { } gtd ? Utc(gtd) : null);

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
