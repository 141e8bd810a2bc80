using System.Diagnostics;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Orchestration;
using Orchestrator.Server.Trading;

namespace Orchestrator.Benchmarks;

/// <summary>
/// Replays bars through the server's <see cref="MarketFeed"/> in lockstep per minute: every symbol's bar of a minute
/// is published, then the replay waits until every running unit has handled all of them (routed its signals to the
/// fill's commit) before the next minute, never sleeping otherwise. This is the replay shape the runner tests use and
/// the one a live session has: a minute's decisions are made, and filled, before the next minute's bars exist.
/// Pipelining minutes would measure queue depth rather than the loop, and would let a unit's orders for minute m meet
/// the exchange after minute m+1's bar (different fills from the backtester's).
/// </summary>
public sealed class LiveLoopReplay(MarketFeed feed, StrategyRunner runner, IReadOnlyList<Guid> strategies)
{
    /// <summary>One minute of the replay: its wall time and the signals the units routed in it.</summary>
    public readonly record struct Minute(double Seconds, long Signals);

    /// <summary>Publishes the bars (whole minutes of <paramref name="symbolsPerMinute"/> bars) and returns each minute's timing.</summary>
    public async Task<List<Minute>> PlayAsync(Bar[] bars, int symbolsPerMinute, CancellationToken ct)
    {
        var minutes = new List<Minute>(bars.Length / symbolsPerMinute);
        var expected = strategies.Select(id => runner.BarsHandled(id) ?? 0L).ToArray();
        var perMinute = strategies.Select(id => (long)(runner.SymbolsOf(id)?.Count ?? 0)).ToArray();
        var signals = Signals();
        for (var start = 0; start < bars.Length; start += symbolsPerMinute)
        {
            var began = Stopwatch.GetTimestamp();
            for (var i = start; i < start + symbolsPerMinute; i++)
            {
                await feed.PublishAsync(bars[i], ct);
            }

            for (var s = 0; s < expected.Length; s++)
            {
                expected[s] += perMinute[s];
            }

            await WaitAsync(expected, ct);
            var now = Signals();
            minutes.Add(new Minute(Stopwatch.GetElapsedTime(began).TotalSeconds, now - signals));
            signals = now;
        }

        return minutes;
    }

    /// <summary>Units still running that have not handled their bars yet (a disabled unit is no longer waited for).</summary>
    private async Task WaitAsync(long[] expected, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
        for (var s = 0; s < expected.Length; s++)
        {
            while (runner.BarsHandled(strategies[s]) is { } handled && handled < expected[s])
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"strategy {strategies[s]} did not handle its bars within a minute ({handled} of {expected[s]})");
                }

                // Task.Delay(1) is about a millisecond on Linux; spinning instead would take one of the two cores from the units.
                await Task.Delay(1, ct);
            }
        }
    }

    private long Signals() => strategies.Sum(id => runner.Progress(id)?.Signals ?? 0L);
}
