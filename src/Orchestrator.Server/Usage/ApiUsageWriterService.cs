using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Storage.Bulk;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Usage;

/// <summary>
/// Stores queued <c>api_usage</c> rows in batches (up to 2,000 rows, or whatever arrived within 200 ms).
/// On a clean shutdown nothing is lost: once the web server has stopped taking requests
/// (ApplicationStopped), whatever is still queued is written before the process exits.
/// </summary>
public sealed class ApiUsageWriterService(ApiUsageQueue queue, ApiUsageBulkWriter writer, IHostApplicationLifetime lifetime, ILogger<ApiUsageWriterService> logger)
    : BackgroundService
{
    private const int BatchSize = 2000;
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(200);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Requests still in flight when StopAsync runs enqueue afterwards; this final flush catches them.
        lifetime.ApplicationStopped.Register(() => FlushAsync().GetAwaiter().GetResult());
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Linger, stoppingToken);
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync's and ApplicationStopped's flushes take over.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    /// <summary>Writes everything queued, batch by batch. Not cancellable: rows taken from the queue must be stored.</summary>
    internal async Task FlushAsync()
    {
        for (var batch = queue.Drain(BatchSize); batch.Count > 0; batch = queue.Drain(BatchSize))
        {
            try
            {
                await WriteAsync(batch);
            }
            finally
            {
                queue.Completed(batch.Count);
            }
        }
    }

    /// <summary>Writes one batch; a failure is logged with the batch's size and retried once.</summary>
    private async Task WriteAsync(List<ApiUsage> batch)
    {
        try
        {
            await writer.WriteAsync(batch);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Writing {Count} api_usage rows failed; retrying once", batch.Count);
            await Task.Delay(TimeSpan.FromSeconds(1));
            try
            {
                await writer.WriteAsync(batch);
            }
            catch (Exception retryEx)
            {
                logger.LogError(retryEx, "Lost {Count} api_usage rows after a retry", batch.Count);
            }
        }
    }
}
