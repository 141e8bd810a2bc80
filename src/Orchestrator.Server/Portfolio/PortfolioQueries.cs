using Microsoft.EntityFrameworkCore;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Portfolio;

/// <summary>
/// The seed's three prepared queries (section 16), corrected as NOTES.md says, each scoped to one user.
/// They run as LINQ so the same code serves PostgreSQL and SQLite; the aggregation that SQLite cannot do on
/// decimals (it would sum them as floating point) happens in C# over the few rows involved.
/// </summary>
public sealed class PortfolioQueries(OrchestratorDbContext db)
{
    /// <summary>
    /// <c>user_portfolio_summary</c>. Defect 11: the seed joined balances and positions on the account, counting
    /// each cash balance once per position and summing every historical snapshot. Here cash is the latest
    /// snapshot per account and currency, counted once, and positions are summed on their own.
    /// </summary>
    public async Task<PortfolioSummary> SummaryAsync(Guid userId, CancellationToken ct)
    {
        var accounts = await db.UserBrokerAccounts.AsNoTracking().Where(a => a.UserId == userId && a.DeletedAt == null)
            .Select(a => new { a.AccountId, a.AccountName, a.BrokerId, Currency = a.Currency ?? "USD" }).ToListAsync(ct);
        var ids = accounts.Select(a => a.AccountId).ToList();
        var positions = await db.AccountPositions.AsNoTracking().Where(p => ids.Contains(p.AccountId) && p.ClosedAt == null)
            .Select(p => new { p.AccountId, p.Quantity, p.AveragePrice, p.CurrentPrice }).ToListAsync(ct);
        var latest = new List<AccountSummary>();
        foreach (var account in accounts)
        {
            // One indexed lookup per account (idx_balances_account_latest): the newest snapshot only.
            var balance = await db.AccountBalances.AsNoTracking().Where(b => b.AccountId == account.AccountId && b.Currency == account.Currency)
                .OrderByDescending(b => b.RecordedAt).FirstOrDefaultAsync(ct);
            var open = positions.Where(p => p.AccountId == account.AccountId).ToList();
            var value = open.Sum(p => p.Quantity * (p.CurrentPrice ?? p.AveragePrice));
            var cash = balance?.CashBalance ?? 0m;
            latest.Add(new AccountSummary(account.AccountId, account.AccountName, account.BrokerId, account.Currency, cash,
                value, cash + value, open.Count, balance?.BuyingPower ?? 0m, balance?.RecordedAt));
        }

        var email = await db.Users.AsNoTracking().Where(u => u.UserId == userId).Select(u => u.Email).SingleAsync(ct);
        return new PortfolioSummary(userId, email, accounts.Count, latest.Sum(a => a.PositionsValue), latest.Sum(a => a.Cash),
            latest.Sum(a => a.Equity), latest.Sum(a => a.OpenPositions), latest);
    }

    /// <summary>
    /// <c>strategy_performance</c>. Defect 12: <c>strategy_executions</c> has no <c>strategy_id</c>; executions
    /// reach their strategy through the signal that caused them. The win rate is over the closed trades (the
    /// executions with a P&amp;L), as the strategy's own <c>win_rate</c> counts it: the seed divided by every
    /// execution, so each entry counted as a loss and a strategy that won every trade showed 0.5.
    /// </summary>
    public async Task<IReadOnlyList<StrategyPerformanceSummary>> StrategyPerformanceAsync(Guid userId, CancellationToken ct)
    {
        var strategies = await db.Strategies.AsNoTracking().Where(s => s.UserId == userId && s.IsActive == true)
            .Select(s => new { s.StrategyId, s.StrategyName, s.StrategyType }).ToListAsync(ct);
        var ids = strategies.Select(s => s.StrategyId).ToList();
        var executions = await (from e in db.StrategyExecutions.AsNoTracking()
                                join s in db.TradingSignals.AsNoTracking() on e.SignalId equals s.SignalId
                                where ids.Contains(s.StrategyId)
                                select new { s.StrategyId, e.Pnl }).ToListAsync(ct);
        return strategies.Select(s =>
        {
            var mine = executions.Where(e => e.StrategyId == s.StrategyId).ToList();
            var pnls = mine.Where(e => e.Pnl is not null).Select(e => e.Pnl!.Value).ToList();
            return new StrategyPerformanceSummary(s.StrategyId, s.StrategyName, s.StrategyType, mine.Count, pnls.Count, pnls.Sum(),
                pnls.Count == 0 ? null : (decimal)pnls.Count(p => p > 0) / pnls.Count,
                pnls.Count == 0 ? 0m : pnls.Max(), pnls.Count == 0 ? 0m : pnls.Min());
        }).OrderByDescending(s => s.TotalPnl).ThenBy(s => s.StrategyName, StringComparer.Ordinal).ToList();
    }

    /// <summary><c>recent_trading_activity</c>: the user's last 100 orders since an instant, with the broker's name.</summary>
    public async Task<IReadOnlyList<ActivityRow>> ActivityAsync(Guid userId, DateTimeOffset since, CancellationToken ct)
    {
        var sinceUtc = since.UtcDateTime;
        return await (from o in db.Orders.AsNoTracking()
                      join a in db.UserBrokerAccounts.AsNoTracking() on o.AccountId equals a.AccountId
                      join b in db.Brokers.AsNoTracking() on a.BrokerId equals b.BrokerId
                      where o.UserId == userId && o.SubmittedAt >= sinceUtc
                      orderby o.SubmittedAt descending
                      select new ActivityRow(o.OrderId, o.AccountId, o.Symbol, o.Side, o.OrderType, o.Quantity, o.FilledQuantity ?? 0m,
                          o.AverageFillPrice, o.Status, o.SubmittedAt, b.BrokerName)).Take(100).ToListAsync(ct);
    }
}

/// <summary>One account in the portfolio summary; its <c>Equity</c> is cash plus the positions' value, what its balance snapshots call portfolio_value.</summary>
public sealed record AccountSummary(Guid AccountId, string? AccountName, string BrokerId, string Currency, decimal Cash, decimal PositionsValue,
    decimal Equity, int OpenPositions, decimal BuyingPower, DateTime? BalanceRecordedAt);

/// <summary>
/// The user's portfolio: <c>PortfolioValue</c> is the seed's portfolio_value, the open positions' market value without
/// cash; <c>TotalEquity</c> is cash plus positions over the accounts (each account's <see cref="AccountSummary.Equity"/>).
/// </summary>
public sealed record PortfolioSummary(Guid UserId, string Email, int BrokerAccounts, decimal PortfolioValue, decimal TotalCash, decimal TotalEquity,
    int OpenPositions, IReadOnlyList<AccountSummary> Accounts);

public sealed record StrategyPerformanceSummary(Guid StrategyId, string StrategyName, string StrategyType, int TotalExecutions, int ClosedTrades, decimal TotalPnl,
    decimal? WinRate, decimal BestTrade, decimal WorstTrade);

public sealed record ActivityRow(Guid OrderId, Guid AccountId, string Symbol, string Side, string OrderType, decimal Quantity, decimal FilledQuantity,
    decimal? AverageFillPrice, string Status, DateTime SubmittedAt, string BrokerName);
