using Orchestrator.Server.Trading;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Server.MarketData.Live;

/// <summary>
/// Plays stored bars into the market feed at N times their real pace, so the paper broker, the marks and the live
/// stream run on historical data exactly as on a live feed. Bars of the same minute are published together; the
/// wait between minutes is their distance divided by <c>speed</c> (a speed of 0 means as fast as possible). While it
/// plays, each replayed symbol's clock in the paper exchange is the replayed market's (<see cref="PaperBroker"/>), so
/// orders placed meanwhile fill, expire and open positions on the replayed day.
/// </summary>
public sealed class ReplayFeed(IBarStore store, MarketFeed feed, TimeProvider time)
{
    public async Task<long> PlayAsync(IReadOnlyCollection<string> symbols, DateTimeOffset from, DateTimeOffset to, double speed, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(speed);
        long count = 0;
        DateTimeOffset? previous = null;
        await foreach (var bar in store.ReadAsync(symbols, from, to, ct))
        {
            if (speed > 0 && previous is { } last && bar.Start > last)
            {
                await Task.Delay(TimeSpan.FromTicks((long)((bar.Start - last).Ticks / speed)), time, ct);
            }

            previous = bar.Start;
            await feed.PublishAsync(bar.Bar, replayed: true, ct);
            count++;
        }

        return count;
    }
}
