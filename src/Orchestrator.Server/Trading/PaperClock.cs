using Microsoft.Extensions.Hosting;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Expires DAY orders at their session's close and good-till-date orders at their date even when no market
/// data arrives (a quiet symbol, the weekend), checking once a second.
/// </summary>
public sealed class PaperClock(PaperBroker paper, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Until the book is restored (a start without the database) there is nothing to expire.
            if (paper.IsStarted)
            {
                paper.AdvanceTime(time.GetUtcNow());
            }
        }
    }
}
