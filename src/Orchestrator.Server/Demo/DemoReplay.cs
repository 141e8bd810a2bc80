using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.MarketData.Live;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Demo;

/// <summary>
/// The demo's market: while the database holds the demo user (<see cref="DemoTrader"/>), the stored bars of the
/// synthetic universe (exchange SYNTH) are played into the market feed at <see cref="DemoOptions.ReplaySpeed"/>
/// (<see cref="ReplayFeed"/>), so the paper exchange fills, positions are marked and the demo strategy trades, and
/// again from the start when they run out, for as long as the server runs. One trading day at a time: the
/// overnight and weekend gaps are skipped rather than waited out at 60× (hours). A loop starts over on the
/// first day, so bar times go back once per loop (about half an hour at 60× for five days). Real symbols are
/// never replayed.
/// </summary>
public sealed partial class DemoReplay(ConnectionFactory connections, IBarStore bars, ReplayFeed replay, Trading.TradingOwnership ownership,
    IOptions<DemoOptions> options, TimeProvider time, ILogger<DemoReplay> log) : BackgroundService
{
    /// <summary>How far back from the newest bar the replay looks for the first day (the demo universe holds five trading days).</summary>
    private const int LookbackDays = 14;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var speed = options.Value.ReplaySpeed;
        if (!options.Value.Enabled || speed <= 0)
        {
            return;
        }

        // The market of the process that runs trading: a standby replays nothing until it takes over.
        await ownership.WhenReady.WaitAsync(stoppingToken);
        for (var loop = 1; !stoppingToken.IsCancellationRequested; loop++)
        {
            try
            {
                var played = await PlayOnceAsync(speed, loop, stoppingToken);
                if (played < 0)
                {
                    return; // no demo user or no synthetic bars: nothing to replay
                }

                if (played == 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken); // the bars went away: no busy loop
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The database away, or trading not started yet: try again shortly rather than stop the host.
                LogFailed(error);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    /// <summary>One pass over the stored days; -1 when there is nothing to replay.</summary>
    private async Task<long> PlayOnceAsync(double speed, int loop, CancellationToken ct)
    {
        List<string> symbols;
        await using (var db = OrchestratorDbContext.Create(connections))
        {
            if (!await db.Users.AsNoTracking().AnyAsync(u => u.Email == DemoTrader.Email && u.DeletedAt == null, ct))
            {
                return -1;
            }

            symbols = await db.MarketSymbols.AsNoTracking().Where(s => s.Exchange == SyntheticBarGenerator.Exchange).OrderBy(s => s.Symbol)
                .Select(s => s.Symbol).ToListAsync(ct);
        }

        DateTimeOffset? last = null;
        foreach (var symbol in symbols)
        {
            if (await bars.LatestAsync(symbol, ct) is { } bar && (last is null || bar.Start > last))
            {
                last = bar.Start;
            }
        }

        if (last is not { } newest)
        {
            return -1;
        }

        var lastDay = new DateTimeOffset(newest.UtcDateTime.Date, TimeSpan.Zero);
        if (loop == 1)
        {
            LogStarted(symbols.Count, string.Join(",", symbols), speed);
        }

        long played = 0;
        for (var day = lastDay.AddDays(-LookbackDays); day <= lastDay; day = day.AddDays(1))
        {
            played += await replay.PlayAsync(symbols, day, day.AddDays(1), speed, ct);
        }

        LogLooped(loop, played);
        return played;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo replay: {Count} synthetic symbols ({Symbols}) into the market feed at {Speed}x, one trading day after another, looping")]
    private partial void LogStarted(int count, string symbols, double speed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo replay: pass {Loop} played {Bars} bars; starting over")]
    private partial void LogLooped(int loop, long bars);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo replay interrupted; retrying in 5 s")]
    private partial void LogFailed(Exception exception);
}
