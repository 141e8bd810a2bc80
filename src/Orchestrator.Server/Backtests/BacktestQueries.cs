using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Backtests;

/// <summary>Reads the caller's stored backtests: ownership is the strategy's owner, checked in the query.</summary>
public sealed class BacktestQueries(OrchestratorDbContext db)
{
    public async Task<IReadOnlyList<BacktestSummaryView>> ListAsync(Guid userId, Guid? strategyId, int limit, CancellationToken ct)
    {
        var rows = await Owned(userId)
            .Where(b => strategyId == null || b.StrategyId == strategyId)
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.BacktestId)
            .Take(limit)
            .ToListAsync(ct);
        return [.. rows.Select(Summary)];
    }

    public async Task<BacktestDetailView?> GetAsync(Guid userId, Guid backtestId, CancellationToken ct) =>
        await Owned(userId).FirstOrDefaultAsync(b => b.BacktestId == backtestId, ct) is { } b
            ? new BacktestDetailView(Summary(b), Parse(b.Symbols), Parse(b.Parameters), Parse(b.Settings), Parse(b.Statistics),
                Parse(b.EquityCurve), Parse(b.Trades), b.BarsProcessed)
            : null;

    private IQueryable<StrategyBacktest> Owned(Guid userId) =>
        from b in db.StrategyBacktests.AsNoTracking()
        join s in db.Strategies.AsNoTracking() on b.StrategyId equals s.StrategyId
        where s.UserId == userId
        select b;

    private static BacktestSummaryView Summary(StrategyBacktest b) => new(
        b.BacktestId, b.StrategyId, b.StartDate, b.EndDate, b.InitialCapital, b.FinalValue, b.TotalReturn, b.AnnualizedReturn,
        b.Volatility, b.SharpeRatio, b.MaxDrawdown, b.WinRate, b.ProfitFactor, b.TotalTrades, b.WinningTrades, b.LosingTrades,
        b.AvgWin, b.AvgLoss, b.LargestWin, b.LargestLoss, b.OptimizationId, b.CreatedAt);

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
