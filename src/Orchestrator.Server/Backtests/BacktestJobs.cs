using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Backtests;

/// <summary>
/// Backtests as jobs: <see cref="EnqueueAsync"/> checks a request and stores it as a QUEUED run;
/// <see cref="RunAsync"/> (the worker's) replays the stored bars through the backtester, streaming them from
/// the bar store, and stores the result with the run COMPLETED in one transaction, or the run FAILED with the reason.
/// </summary>
public sealed class BacktestJobs(OrchestratorDbContext db, BacktestPlanner planner, BacktestQueue queue, IBarStore bars, AuditTrail audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How often a running job writes its progress to the database.</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    public async Task<(BacktestRunView? Run, ValidationErrors? Errors, bool StrategyNotFound)> EnqueueAsync(
        Guid userId, RunBacktestRequest body, Actor actor, CancellationToken ct)
    {
        var plan = await planner.PlanAsync(userId, body, ct);
        if (plan.Request is null)
        {
            return (null, plan.Errors, plan.StrategyNotFound);
        }

        var run = new BacktestRun
        {
            UserId = userId,
            StrategyId = body.StrategyId!.Value,
            Request = JsonSerializer.Serialize(body, Json),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.BacktestRuns.Add(run);
        audit.Record(db, actor, "BACKTEST_QUEUED", "backtest_run", run.RunId.ToString(), newValues: run.Request);
        await db.SaveChangesAsync(ct);
        queue.Post(run.RunId);
        return (View(run, null), null, false);
    }

    public async Task<BacktestRunView?> GetRunAsync(Guid userId, Guid runId, CancellationToken ct) =>
        await db.BacktestRuns.AsNoTracking().FirstOrDefaultAsync(r => r.RunId == runId && r.UserId == userId, ct) is { } run
            ? View(run, queue.ProgressOf(runId))
            : null;

    /// <summary>Runs one queued (or interrupted) job to the end. Never throws for a bad job: it fails the run instead.</summary>
    public async Task RunAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.BacktestRuns.FirstOrDefaultAsync(r => r.RunId == runId, ct);
        if (run is null || run.Status is "COMPLETED" or "FAILED")
        {
            return;
        }

        run.Status = "RUNNING";
        run.StartedAt = time.GetUtcNow().UtcDateTime;
        run.Progress = 0m;
        await db.SaveChangesAsync(ct);
        try
        {
            var body = JsonSerializer.Deserialize<RunBacktestRequest>(run.Request, Json)!;
            var plan = await planner.PlanAsync(run.UserId, body, ct);
            if (plan.Request is not { } request)
            {
                await FailAsync(run, plan.StrategyNotFound ? "the strategy no longer exists" : string.Join("; ", plan.Errors!.Lines), ct);
                return;
            }

            var result = await Backtester.RunAsync(request, BacktestBarStream.ReadAsync(bars, request, ct), new Progress(db, run, queue), ct);
            var row = BacktestRows.From(run.StrategyId, result, request.Settings, request.Parameters, null, time.GetUtcNow().UtcDateTime);
            db.StrategyBacktests.Add(row);
            run.Status = "COMPLETED";
            run.Progress = 1m;
            run.BacktestId = row.BacktestId;
            run.FinishedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.BacktestRuns.FirstAsync(r => r.RunId == runId, ct);
            await FailAsync(fresh, e.Message, ct);
        }
        finally
        {
            queue.Forget(runId);
        }
    }


    private async Task FailAsync(BacktestRun run, string reason, CancellationToken ct)
    {
        run.Status = "FAILED";
        run.Error = reason.Length > 2_000 ? reason[..2_000] : reason;
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static BacktestRunView View(BacktestRun run, decimal? liveProgress) => new(
        run.RunId, run.StrategyId, run.Status, Math.Max(run.Progress, liveProgress ?? 0m), run.BacktestId, run.Error,
        run.CreatedAt, run.StartedAt, run.FinishedAt);

    /// <summary>
    /// Reports progress to the queue at once and to the run's row every <see cref="ProgressEvery"/>. Progress
    /// reports come from the backtest's own thread (synchronously: IProgress implemented directly, not
    /// Progress&lt;T&gt;), so saving between bars never races the final save.
    /// </summary>
    private sealed class Progress(OrchestratorDbContext db, BacktestRun run, BacktestQueue queue) : IProgress<double>
    {
        private long _lastSave = Environment.TickCount64;

        public void Report(double value)
        {
            var progress = Math.Round((decimal)Math.Clamp(value, 0d, 1d), 4);
            queue.Report(run.RunId, progress);
            if (Environment.TickCount64 - _lastSave < ProgressEvery.TotalMilliseconds || progress >= 1m)
            {
                return;
            }

            _lastSave = Environment.TickCount64;
            run.Progress = progress;
            db.SaveChanges();
        }
    }
}
