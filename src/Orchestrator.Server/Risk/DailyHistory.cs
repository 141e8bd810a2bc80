using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Risk.Metrics;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Server.Risk;

/// <summary>
/// Daily closes and average daily volumes for the risk calculation, built from the stored 1-minute bars: each
/// symbol's minutes aggregated to its own trading days (its trading hours' time zone), streamed from the bar store.
/// </summary>
public sealed class DailyHistory(IBarStore bars, SymbolDirectory symbols)
{
    /// <summary>Sessions the average daily volume is taken over.</summary>
    public const int VolumeDays = 20;

    public sealed record Result(IReadOnlyDictionary<string, IReadOnlyList<DailyClose>> Closes, IReadOnlyDictionary<string, decimal> AverageDailyVolume);

    /// <summary>The daily closes of <paramref name="wanted"/> over the <paramref name="calendarDays"/> days up to <paramref name="now"/>.</summary>
    public async Task<Result> ReadAsync(IReadOnlyCollection<string> wanted, DateTimeOffset now, int calendarDays, CancellationToken ct)
    {
        var closes = wanted.ToDictionary(static s => s, static _ => new List<DailyClose>(), StringComparer.Ordinal);
        var volumes = wanted.ToDictionary(static s => s, static _ => new List<decimal>(), StringComparer.Ordinal);
        var minutes = bars.ReadAsync(wanted, now.AddDays(-calendarDays), now, ct);
        await foreach (var day in BarAggregator.AggregateAsync(minutes, BarInterval.OneDay, s => symbols.HoursOf(s), ct))
        {
            var hours = symbols.HoursOf(day.Symbol);
            closes[day.Symbol].Add(new DailyClose(hours.TradingDay(day.Start), day.Bar.Close));
            volumes[day.Symbol].Add(day.Bar.Volume);
        }

        var adv = volumes.Where(static kv => kv.Value.Count > 0)
            .ToDictionary(static kv => kv.Key, static kv => kv.Value.TakeLast(VolumeDays).Average(), StringComparer.Ordinal);
        return new Result(closes.ToDictionary(static kv => kv.Key, static kv => (IReadOnlyList<DailyClose>)kv.Value, StringComparer.Ordinal), adv);
    }
}
