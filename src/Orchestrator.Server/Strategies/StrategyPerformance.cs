using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Strategies;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// Keeps a strategy's performance columns: recomputes them from its executions and writes them to
/// <c>strategies</c> and <c>user_strategies</c> in one transaction. Executions reach their strategy through
/// the signal that caused them (<c>strategy_executions</c> has no <c>strategy_id</c>: NOTES.md defect 12).
/// The closed trades are the executions with a P&amp;L (exits), oldest first (by <c>created_at</c>, then id);
/// the formulas are <see cref="StrategyStatistics"/>'s, with drawdown measured against the strategy's
/// <c>backtest_config.initial_capital</c> (100,000 when it has none). Stored values are rounded half away from
/// zero to their columns' scale (4 decimals for win rate, drawdown and Sharpe; 8 for P&amp;L), as PostgreSQL
/// would round them, so both providers store the same numbers. <c>last_run_at</c> is the newest execution's
/// time (left as it was when there is none). A recomputation is derived data, not a user's change: it writes
/// no audit row and leaves <c>updated_at</c> alone.
/// </summary>
public sealed class StrategyPerformance(OrchestratorDbContext db)
{
    /// <summary>The new statistics, or null when the strategy does not exist.</summary>
    public async Task<StrategyStatistics?> RefreshAsync(Guid strategyId, CancellationToken ct = default)
    {
        await using var transaction = await StrategyStore.BeginAsync(db, strategyId, ct);
        if (await db.Strategies.SingleOrDefaultAsync(s => s.StrategyId == strategyId, ct) is not { } strategy)
        {
            return null;
        }

        var instance = await db.UserStrategies.SingleOrDefaultAsync(u => u.UserStrategyId == strategyId, ct);
        var document = await db.StrategyConfigs.AsNoTracking().Where(c => c.StrategyId == strategyId).Select(c => c.Document).SingleOrDefaultAsync(ct);
        var executions = await (from e in db.StrategyExecutions.AsNoTracking()
                                join s in db.TradingSignals.AsNoTracking() on e.SignalId equals s.SignalId
                                where s.StrategyId == strategyId
                                select new { e.ExecutionId, e.Pnl, e.PnlPercentage, e.CreatedAt }).ToListAsync(ct);
        var trades = executions
            .Where(e => e.Pnl is not null)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.ExecutionId)
            .Select(e => new ClosedTrade(e.Pnl!.Value, e.PnlPercentage))
            .ToList();
        var statistics = StrategyStatistics.Compute(trades, InitialCapital(document));
        var lastRun = executions.Max(e => e.CreatedAt) ?? strategy.LastRunAt;

        strategy.TotalTrades = statistics.TotalTrades;
        strategy.WinningTrades = statistics.WinningTrades;
        strategy.TotalPnl = Round(statistics.TotalPnl, 8);
        strategy.MaxDrawdown = Round(statistics.MaxDrawdown, 4);
        // sharpe_ratio is DECIMAL(10,4): a ratio beyond ±999,999 (returns that barely vary) says nothing; store none.
        strategy.SharpeRatio = statistics.SharpeRatio is { } sharpe && Math.Abs(sharpe) < 1_000_000m ? Round(sharpe, 4) : null;
        strategy.LastRunAt = lastRun;
        if (instance is not null)
        {
            instance.TotalTrades = statistics.TotalTrades;
            instance.TotalPnl = strategy.TotalPnl;
            instance.WinRate = statistics.WinRate is { } rate ? Round(rate, 4) : null;
            instance.MaxDrawdown = strategy.MaxDrawdown;
            instance.LastRunAt = lastRun;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return statistics;
    }

    private static decimal InitialCapital(string? document) =>
        document is not null && JsonNode.Parse(document)?["backtest_config"]?["initial_capital"] is JsonValue value
        && value.TryGetValue<decimal>(out var capital) && capital > 0m
            ? capital
            : BacktestConfig.DefaultInitialCapital;

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
