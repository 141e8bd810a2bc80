using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Brokers;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Storage.Model;
using DomainOrder = Orchestrator.Domain.Orders.Order;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Rebuilds an account's in-memory state from the database (on first use, and after a batch that could not
/// commit): cash from the latest balance snapshot, which every fill's transaction writes; open positions;
/// working orders replayed from their fills; and what the account has already traded today.
/// </summary>
internal sealed class AccountStateLoader(Func<OrchestratorDbContext> newContext, TimeProvider time, TradingOptions options)
{
    public async Task<BrokerAccountRef> BrokerRefAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = newContext();
        var brokerAccountId = await db.UserBrokerAccounts.Where(a => a.AccountId == accountId).Select(a => a.BrokerAccountId).SingleAsync(ct);
        return new BrokerAccountRef(accountId, brokerAccountId);
    }

    public async Task<LoadedAccount> LoadAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = newContext();
        var row = await db.UserBrokerAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId, ct);
        var currency = row.Currency ?? "USD";
        var cash = await db.AccountBalances.AsNoTracking()
            .Where(b => b.AccountId == accountId && b.Currency == currency)
            .OrderByDescending(b => b.RecordedAt).Select(b => b.CashBalance).FirstOrDefaultAsync(ct) ?? 0m;

        var account = new TradingAccount(accountId, currency, cash,
            new AccountLimits(row.MaxPositionSize, row.MaxDailyVolume, row.AllowedSymbols?.ToHashSet(StringComparer.Ordinal)),
            options.MarginRequirement);
        var loaded = new LoadedAccount(account, row.UserId, row.BrokerAccountId);
        loaded.ApplyAccountRow(row);

        foreach (var position in await db.AccountPositions.AsNoTracking().Where(p => p.AccountId == accountId && p.ClosedAt == null).ToListAsync(ct))
        {
            account.RestorePosition(new Position(position.PositionId, position.Symbol, position.Quantity, position.AveragePrice,
                Utc(position.OpenedAt), position.RealizedPnl, position.CurrentPrice, Utc(position.UpdatedAt ?? position.OpenedAt)));
        }

        var open = await db.Orders.AsNoTracking()
            .Where(o => o.AccountId == accountId && (o.Status == "NEW" || o.Status == "PARTIALLY_FILLED"))
            .OrderBy(o => o.SubmittedAt).ToListAsync(ct);
        var openIds = open.Select(o => o.OrderId).ToList();
        var fills = (await db.OrderFills.AsNoTracking().Where(f => openIds.Contains(f.OrderId)).ToListAsync(ct))
            .OrderBy(f => f.ExchangeTime).ThenBy(f => f.TradeId, StringComparer.Ordinal).ToLookup(f => f.OrderId);
        foreach (var row2 in open)
        {
            var order = ToDomain(row2);
            foreach (var fill in fills[row2.OrderId])
            {
                order.ApplyFill(fill.FillQuantity, fill.FillPrice, Utc(fill.ExchangeTime ?? row2.SubmittedAt));
            }

            account.RestoreOrder(order, row2.LimitPrice ?? row2.StopPrice ?? row2.AverageFillPrice ?? 0m);
            loaded.Records[order.OrderId] = new OrderRecord(row2.UserId, row2.SubmittedAt, row2.ClientOrderId, row2.OrderSource ?? "MANUAL", row2.StrategyId)
            {
                Commission = row2.Commission ?? 0m,
                BrokerOrderId = row2.BrokerOrderId,
            };
        }

        // Today's volume: what was filled at its price, plus what is still working at its limit (or stop) price.
        var now = time.GetUtcNow();
        var day = TradingHours.UsEquities.TradingDay(now);
        var dayStart = TradingHours.UsEquities.SessionOpen(now) is { } open0 && TradingHours.UsEquities.TradingDay(open0) == day
            ? open0.UtcDateTime.Date : now.UtcDateTime.Date.AddDays(-1);
        var traded = await db.Orders.AsNoTracking()
            .Where(o => o.AccountId == accountId && o.SubmittedAt >= dayStart && o.Status != "REJECTED")
            .Select(o => new { o.SubmittedAt, o.Quantity, o.FilledQuantity, o.AverageFillPrice, o.LimitPrice, o.StopPrice, o.Status })
            .ToListAsync(ct);
        var volume = traded.Where(o => TradingHours.UsEquities.TradingDay(Utc(o.SubmittedAt)) == day).Sum(o =>
            (o.FilledQuantity ?? 0m) * (o.AverageFillPrice ?? 0m)
            + (o.Status is "NEW" or "PARTIALLY_FILLED" ? (o.Quantity - (o.FilledQuantity ?? 0m)) * (o.LimitPrice ?? o.StopPrice ?? o.AverageFillPrice ?? 0m) : 0m));
        account.RestoreDailyVolume(day, volume);
        return loaded;
    }

    public static DomainOrder ToDomain(Storage.Model.Entities.Order row) => new(
        row.OrderId, row.Symbol, OrderCodes.ParseSide(row.Side)!.Value, OrderCodes.ParseType(row.OrderType)!.Value, row.Quantity,
        OrderCodes.ParseTimeInForce(row.TimeInForce ?? "DAY")!.Value, row.LimitPrice, row.StopPrice,
        row.GoodTillDate is { } gtd ? Utc(gtd) : null);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
