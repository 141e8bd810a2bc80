using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Backtests;
using Orchestrator.Storage.Model;

namespace Orchestrator.Cli.Backtests;

/// <summary>
/// Stores the CLI's backtests of a user strategy in <c>strategy_backtests</c> (the same rows the API's runs
/// make), the runs of one optimization under one <c>optimization_id</c>, with one audit row per command.
/// </summary>
public static class BacktestArchive
{
    public static async Task<IReadOnlyList<Guid>> SaveAsync(
        IServiceProvider services, StoredStrategy strategy, IEnumerable<(BacktestResult Result, ParameterSet Parameters)> runs,
        BacktestSettings settings, Guid? optimizationId, string command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(runs);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var ids = new List<Guid>();
        foreach (var (result, parameters) in runs)
        {
            var row = BacktestRows.From(strategy.StrategyId, result, settings, parameters, optimizationId, time.GetUtcNow().UtcDateTime);
            db.StrategyBacktests.Add(row);
            ids.Add(row.BacktestId);
        }

        scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(db, Actor.CommandLine(command),
            "BACKTESTS_STORED", "strategy", strategy.StrategyId.ToString(), metadata: new { count = ids.Count, optimization_id = optimizationId });
        await db.SaveChangesAsync(ct);
        return ids;
    }
}
