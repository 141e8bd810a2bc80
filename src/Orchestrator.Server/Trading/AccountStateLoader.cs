using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Brokers;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Rebuilds an account's in-memory state from the database (on first use, and after a batch that could not
/// commit): cash from the latest balance snapshot, which every fill's transaction writes; open positions;
/// working orders replayed from their fills, a strategy's with its signal; and what the account has already traded today.
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
            if (ProtectiveStops.Restore(position) is { } stop)
            {
                loaded.Stops[position.Symbol] = stop;
            }
        }

        var open = await OpenOrderReplay.LoadAsync(db, accountId, ct);
        // A strategy's working order gets its signal back (one query for all of them), so its later fills still write
        // strategy_executions and the signal's prices.
        var signals = await Orchestration.StoredSignals.LoadAsync(db, open.Select(o => o.Row.ClientOrderId), ct);
        foreach (var (working, order) in open)
        {
            account.RestoreOrder(order, working.LimitPrice ?? working.StopPrice ?? working.AverageFillPrice ?? 0m);
            loaded.Records[order.OrderId] = new OrderRecord(working.UserId, working.SubmittedAt, working.ClientOrderId, working.OrderSource ?? OrderSources.Manual, working.StrategyId)
            {
                Commission = working.Commission ?? 0m,
                BrokerOrderId = working.BrokerOrderId,
                Signal = working.ClientOrderId is { } clientId ? signals.GetValueOrDefault(clientId) : null,
            };
        }

        // Today's volume: what was filled at its price, plus what is still working at its limit (or stop) price.
        var now = time.GetUtcNow();
        var day = TradingHours.UsEquities.TradingDay(now);
        // A New York trading day lies within the last two UTC days; the filter below picks the day exactly.
        var since = now.UtcDateTime.AddDays(-2);
        var traded = await db.Orders.AsNoTracking()
            .Where(o => o.AccountId == accountId && o.SubmittedAt >= since && o.Status != "REJECTED")
            .Select(o => new { o.SubmittedAt, o.Quantity, o.FilledQuantity, o.AverageFillPrice, o.LimitPrice, o.StopPrice, o.Status })
            .ToListAsync(ct);
        var volume = traded.Where(o => TradingHours.UsEquities.TradingDay(Utc(o.SubmittedAt)) == day).Sum(o =>
            (o.FilledQuantity ?? 0m) * (o.AverageFillPrice ?? 0m)
            + (o.Status is "NEW" or "PARTIALLY_FILLED" ? (o.Quantity - (o.FilledQuantity ?? 0m)) * (o.LimitPrice ?? o.StopPrice ?? o.AverageFillPrice ?? 0m) : 0m));
        account.RestoreDailyVolume(day, volume);
        return loaded;
    }

    private static DateTimeOffset Utc(DateTime value) => OpenOrderReplay.Utc(value);
}
