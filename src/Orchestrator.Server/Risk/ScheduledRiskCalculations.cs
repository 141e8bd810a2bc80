using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Risk;

/// <summary>
/// Risk calculations on a schedule: every <c>Risk:CalculationInterval</c> (default one day; <c>00:00:00</c> turns it
/// off) each user who holds an open position gets a fresh user-level calculation in <c>risk_calculations</c>. A
/// failure for one user is logged and does not stop the others. Only the process that runs trading calculates on the
/// schedule (<see cref="Trading.TradingOwnership"/>), so servers sharing a database store one calculation a round.
/// </summary>
public sealed partial class ScheduledRiskCalculations(IServiceScopeFactory scopes, IConfiguration configuration, Trading.TradingOwnership ownership, TimeProvider time,
    ILogger<ScheduledRiskCalculations> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue<TimeSpan?>("Risk:CalculationInterval") ?? TimeSpan.FromDays(1);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (ownership.IsHeld)
            {
                await RunOnceAsync(stoppingToken);
            }
        }
    }

    /// <summary>One round: a calculation for every user holding an open position; returns how many were stored.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> users;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            users = await (
                from p in db.AccountPositions.AsNoTracking()
                join a in db.UserBrokerAccounts.AsNoTracking() on p.AccountId equals a.AccountId
                where p.ClosedAt == null && a.DeletedAt == null
                select a.UserId).Distinct().ToListAsync(ct);
        }

        var stored = 0;
        foreach (var userId in users)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RiskCalculationService>().CalculateAsync(userId, null, null, ct);
                stored++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, userId);
            }
        }

        return stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduled risk calculation for user {UserId} failed")]
    private partial void LogFailed(Exception exception, Guid userId);
}
