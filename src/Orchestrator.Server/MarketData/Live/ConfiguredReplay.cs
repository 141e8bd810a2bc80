using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Trading;

namespace Orchestrator.Server.MarketData.Live;

/// <summary>
/// A replay chosen by configuration (<c>Replay:Symbols</c>, <c>Replay:From</c>, <c>Replay:To</c>, <c>Replay:Speed</c>,
/// optionally <c>Replay:StartedAt</c>): once the server has started and the paper book is restored, it plays the stored
/// bars through the market feed (<see cref="ReplayFeed"/>), so a server with no live feed (a demo, a test of a child
/// process) trades its running strategies on them exactly as on a live feed. With <c>StartedAt</c> a restarted server
/// picks the replay up where it stands by the wall clock (see <see cref="ConfiguredReplayOptions.StartedAt"/>).
/// </summary>
public sealed partial class ConfiguredReplay(
    IOptions<ConfiguredReplayOptions> options, ReplayFeed replay, PaperBroker paper, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<ConfiguredReplay> log) : BackgroundService
{
    private readonly ConfiguredReplayOptions _options = options.Value;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // A misconfigured replay stops the start, naming the key, rather than silently playing nothing.
        _options.Validated();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            await WaitUntilReadyAsync(stoppingToken);
            var from = _options.From!.Value;
            var to = _options.To!.Value;
            var now = time.GetUtcNow();
            if (_options.StartedAt is { } due && due > now)
            {
                await Task.Delay(due - now, time, stoppingToken);
            }
            else if (_options.StartedAt is { } started && now > started)
            {
                // Where the replay stands by the wall clock: the bars before were played, or missed while the server was down.
                var elapsed = (now - started).Ticks * _options.Speed;
                from = elapsed >= (to - from).Ticks ? to : from.AddTicks((long)elapsed);
            }

            if (from >= to)
            {
                LogOver(string.Join(",", _options.SymbolList), _options.To!.Value);
                return;
            }

            LogStarting(string.Join(",", _options.SymbolList), from, to, _options.Speed);
            var played = await replay.PlayAsync(_options.SymbolList, from, to, _options.Speed, stoppingToken);
            LogFinished(played);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // The server keeps answering; only the replay stops.
            LogFailed(error);
        }
    }

    /// <summary>Until every hosted service has started and the paper book is restored (the database may come late).</summary>
    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(ct);
        }

        while (!paper.IsStarted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay of {Symbols} from {From:o} to {To:o} at {Speed}x starts")]
    private partial void LogStarting(string symbols, DateTimeOffset from, DateTimeOffset to, double speed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay finished: {Bars} bars played")]
    private partial void LogFinished(long bars);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay of {Symbols} is already over (it ended at {To:o} in bar time)")]
    private partial void LogOver(string symbols, DateTimeOffset to);

    [LoggerMessage(Level = LogLevel.Error, Message = "The configured replay stopped")]
    private partial void LogFailed(Exception exception);
}
