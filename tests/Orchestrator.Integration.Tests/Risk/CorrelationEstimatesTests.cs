using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Risk;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>
/// The day's correlations for the pre-trade check: each symbol's closes read once per New York trading day, only
/// the sessions before it, and a failing bar store answered with no matrix (logged, not cached).
/// </summary>
public sealed class CorrelationEstimatesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Tuesday 2026-03-10, 15:00 in New York (19:00 UTC, daylight time).
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failing_bar_store_gives_no_matrix_and_the_next_call_reads_again()
    {
        var store = new MemoryBarStore(Bars(Now)) { Failing = true };
        var estimates = new CorrelationEstimates(new DailyHistory(store, new SymbolDirectory()), NullLogger<CorrelationEstimates>.Instance);

        Assert.Null(await estimates.TryEstimateAsync(["A", "B"], Now, Ct));

        store.Failing = false;
        var matrix = await estimates.TryEstimateAsync(["A", "B"], Now, Ct);
        Assert.Equal("B", Assert.Single(matrix!.CorrelatedWith("A").ToArray()).Symbol);
        Assert.Equal(2, store.Reads.Count);
    }

    [Fact]
    public async Task Closes_are_read_once_per_symbol_and_day_and_only_before_the_day_began()
    {
        var store = new MemoryBarStore(Bars(Now));
        var estimates = new CorrelationEstimates(new DailyHistory(store, new SymbolDirectory()), NullLogger<CorrelationEstimates>.Instance);

        var first = await estimates.TryEstimateAsync(["A", "B"], Now, Ct);
        await estimates.TryEstimateAsync(["B", "A"], Now.AddHours(2), Ct);
        var grown = await estimates.TryEstimateAsync(["A", "B", "C"], Now.AddHours(3), Ct);
        // 2026-03-11 03:00 UTC is 23:00 on the 10th in New York: the same day; 12:00 UTC is the 11th: a new day, read again.
        await estimates.TryEstimateAsync(["A"], new DateTimeOffset(2026, 3, 11, 3, 0, 0, TimeSpan.Zero), Ct);
        await estimates.TryEstimateAsync(["A"], new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero), Ct);

        Assert.Equal([["A", "B"], ["C"], ["A"]], store.Reads.Select(static r => r.Symbols.Order(StringComparer.Ordinal).ToArray()));
        // The day's reads end at its New York midnight (04:00 UTC in March, daylight time), 95 days back.
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 4, 0, 0, TimeSpan.Zero), store.Reads[0].To);
        Assert.Equal(store.Reads[0].To.AddDays(-CorrelationEstimates.CalendarDays), store.Reads[0].From);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 4, 0, 0, TimeSpan.Zero), store.Reads[2].To);
        Assert.Equal("B", Assert.Single(first!.CorrelatedWith("A").ToArray()).Symbol);
        Assert.Equal("B", Assert.Single(grown!.CorrelatedWith("A").ToArray()).Symbol);
        Assert.Equal(0, grown.CorrelatedWith("C").Length);
    }

    /// <summary>One bar each weekday of the 120 days up to <paramref name="now"/>'s date (that day too): A walks, B is 3 × A, C walks on its own.</summary>
    private static List<StoredBar> Bars(DateTimeOffset now)
    {
        var bars = new List<StoredBar>();
        var (walk, own) = (new Random(1), new Random(2));
        var (a, c) = (50m, 80m);
        var today = TradingHours.UsEquities.TradingDay(now);
        for (var day = today.AddDays(-120); day <= today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            a = Math.Round(a * (1m + walk.Next(-300, 301) / 10_000m), 4);
            c = Math.Round(c * (1m + own.Next(-300, 301) / 10_000m), 4);
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
            foreach (var (symbol, close) in new[] { ("A", a), ("B", 3m * a), ("C", c) })
            {
                bars.Add(new StoredBar(new Bar(symbol, at, TimeSpan.FromMinutes(1), close, close, close, close, 100m)));
            }
        }

        return bars;
    }

    /// <summary>Bars in memory, with every read recorded and a switch that makes reads fail.</summary>
    private sealed class MemoryBarStore(List<StoredBar> bars) : IBarStore
    {
        public bool Failing { get; set; }

        public List<(string[] Symbols, DateTimeOffset From, DateTimeOffset To)> Reads { get; } = [];

        public Task<long> WriteAsync(IAsyncEnumerable<StoredBar> bars, IProgress<long>? progress, CancellationToken ct) => throw new NotSupportedException();

        public async IAsyncEnumerable<StoredBar> ReadAsync(
            IReadOnlyCollection<string> symbols, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken ct)
        {
            Reads.Add(([.. symbols], from, to));
            await Task.Yield();
            if (Failing)
            {
                throw new IOException("The bar store is down.");
            }

            foreach (var bar in bars.Where(b => symbols.Contains(b.Bar.Symbol) && b.Bar.Start >= from && b.Bar.Start < to)
                .OrderBy(static b => b.Bar.Start).ThenBy(static b => b.Bar.Symbol, StringComparer.Ordinal))
            {
                yield return bar;
            }
        }

        public Task<StoredBar?> LatestAsync(string symbol, CancellationToken ct) => throw new NotSupportedException();
    }
}
