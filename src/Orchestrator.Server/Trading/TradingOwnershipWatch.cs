using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Checks every few seconds that this process still holds the trading lease. On PostgreSQL the lease is a session's
/// advisory lock: a restarted database server or a dropped connection ends the session, and a standby may take
/// the lease over. This process's writers and book may then be stale, so it does not take the lease back: it
/// refuses trading from then on (503) and stops, for its supervisor to start it again from the database.
/// </summary>
public sealed partial class TradingOwnershipWatch(TradingOwnership ownership, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<TradingOwnershipWatch> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ownership.WhenReady.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!await ownership.CheckAsync(stoppingToken))
            {
                LogLost();
                lifetime.StopApplication();
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "This process lost its trading lease on the database (its session ended); trading stops here and the process shuts down, to be started again from the database")]
    private partial void LogLost();
}
