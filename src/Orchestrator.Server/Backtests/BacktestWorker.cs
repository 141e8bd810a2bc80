using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Backtests;

/// <summary>
/// Runs queued backtests in the background, <c>Backtests:Concurrency</c> at a time (default: half the cores,
/// at least one: each backtest is single-threaded and the server has other work). At startup it queues again
/// every run left QUEUED or RUNNING by a previous process, so an accepted backtest is never lost.
/// </summary>
public sealed partial class BacktestWorker(IServiceScopeFactory scopes, BacktestQueue queue, IConfiguration configuration, ILogger<BacktestWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueInterruptedAsync(stoppingToken);
        var concurrency = configuration.GetValue<int?>("Backtests:Concurrency") ?? Math.Max(1, Environment.ProcessorCount / 2);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => ConsumeAsync(stoppingToken), stoppingToken)));
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var runId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BacktestJobs>().RunAsync(runId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // the run stays RUNNING and is picked up at the next start
            }
            catch (Exception e)
            {
                LogRunFailed(e, runId);
            }
        }
    }

    private async Task RequeueInterruptedAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            var pending = await db.BacktestRuns.AsNoTracking().Where(r => r.Status == "QUEUED" || r.Status == "RUNNING")
                .OrderBy(r => r.CreatedAt).Select(r => r.RunId).ToListAsync(ct);
            foreach (var runId in pending)
            {
                queue.Post(runId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRequeueFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Backtest run {RunId} could not be run")]
    private partial void LogRunFailed(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interrupted backtest runs could not be read back; they will wait for the next start")]
    private partial void LogRequeueFailed(Exception exception);
}
