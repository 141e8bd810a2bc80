using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Server.Trading;

namespace Orchestrator.Server.Risk.KillSwitch;

/// <summary>
/// Runs the kill switch's automatic transitions: halts a user whose account reported a daily loss breach, and
/// every 30 seconds returns to ACTIVE the users whose switch was set before the current session opened (in the process
/// that runs trading: <see cref="TradingOwnership"/>).
/// </summary>
public sealed partial class KillSwitchMonitor(KillSwitchService killSwitch, DailyLossBreaches breaches, TradingOwnership ownership, TimeProvider time,
    ILogger<KillSwitchMonitor> log)
    : BackgroundService
{
    public static readonly TimeSpan ResetInterval = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(HaltOnBreachesAsync(stoppingToken), ResetAtSessionOpensAsync(stoppingToken));

    private async Task HaltOnBreachesAsync(CancellationToken ct)
    {
        await foreach (var breach in breaches.ReadAllAsync(ct))
        {
            try
            {
                await killSwitch.TripAsync(breach, ct);
            }
            catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogTripFailed(error, breach.UserId);
            }
        }
    }

    private async Task ResetAtSessionOpensAsync(CancellationToken ct)
    {
        await Task.Yield(); // off the host's start path
        await ownership.WhenReady.WaitAsync(ct);
        using var timer = new PeriodicTimer(ResetInterval, time);
        do
        {
            try
            {
                await killSwitch.ResetAtSessionOpenAsync(ct);
            }
            catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogResetFailed(error);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The kill switch of user {UserId} could not be halted after a daily loss breach")]
    private partial void LogTripFailed(Exception exception, Guid userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The kill switches could not be reset at the session open")]
    private partial void LogResetFailed(Exception exception);
}
