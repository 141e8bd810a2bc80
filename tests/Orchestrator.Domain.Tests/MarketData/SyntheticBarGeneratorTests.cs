using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Tests.MarketData;

public sealed class SyntheticBarGeneratorTests
{
    // Friday 2026-11-27 and Monday 2026-11-30: the weekend between is skipped (US equity hours have no holidays).
    private static readonly DateOnly Friday = new(2026, 11, 27);

    [Fact]
    public void Two_days_of_three_symbols_are_390_bars_each_inside_the_sessions_in_time_order()
    {
        var generator = new SyntheticBarGenerator(42);
        var bars = generator.Bars(generator.Symbols(3), Friday, 2).ToList();

        // 2 days x 390 minutes x 3 symbols.
        Assert.Equal(2 * 390 * 3, bars.Count);
        // 09:30 New York is 14:30 UTC in November (EST, UTC-5); the last bar starts at 15:59, i.e. 20:59 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 14, 30, 0, TimeSpan.Zero), bars[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 20, 59, 0, TimeSpan.Zero), bars[(390 * 3) - 1].Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 30, 0, TimeSpan.Zero), bars[390 * 3].Start);
        Assert.Equal(["SYN001", "SYN002", "SYN003"], bars.Take(3).Select(b => b.Symbol).ToArray());
        Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.Start <= p.Second.Start));
    }

    [Fact]
    public void Every_bar_is_consistent_on_the_cent_grid_and_minutes_chain_open_to_previous_close()
    {
        var generator = new SyntheticBarGenerator(7);
        var bars = generator.Bars(generator.Symbols(2), Friday, 1).ToList();
        Assert.All(bars, b =>
        {
            Assert.True(b.Low <= Math.Min(b.Open, b.Close) && Math.Max(b.Open, b.Close) <= b.High, $"{b}");
            Assert.Equal(b.Low, decimal.Round(b.Low, 2));
            Assert.Equal(b.High, decimal.Round(b.High, 2));
            Assert.True(b.Volume >= 1 && b.Volume == decimal.Truncate(b.Volume));
            Assert.Equal(TimeSpan.FromMinutes(1), b.Period);
        });
        // Within a day each minute opens where the previous one closed (the gap comes only at the open).
        var one = bars.Where(b => b.Symbol == "SYN001").ToList();
        Assert.True(one.Zip(one.Skip(1)).All(p => p.Second.Open == p.First.Close));
    }

    [Fact]
    public void The_same_seed_gives_the_same_bars_and_another_seed_does_not()
    {
        var a = new SyntheticBarGenerator(2026);
        var b = new SyntheticBarGenerator(2026);
        Assert.Equal(a.Bars(a.Symbols(2), Friday, 1).ToList(), b.Bars(b.Symbols(2), Friday, 1).ToList());
        var c = new SyntheticBarGenerator(2027);
        Assert.NotEqual(a.Bars(a.Symbols(2), Friday, 1).First().Open, c.Bars(c.Symbols(2), Friday, 1).First().Open);
    }

    [Fact]
    public void Volume_follows_the_intraday_u()
    {
        // The profile itself: 1 + 1.5 x ((m - 195) / 195)^2 is 2.5 at m = 0, 1 at m = 195, and 1.5 x (194/195)^2 + 1 at m = 389.
        Assert.Equal(2.5, SyntheticBarGenerator.Intraday(0), 12);
        Assert.Equal(1.0, SyntheticBarGenerator.Intraday(195), 12);
        Assert.Equal(1 + (1.5 * Math.Pow(194.0 / 195.0, 2)), SyntheticBarGenerator.Intraday(389), 12);

        // And the bars: over 20 days of one symbol, the first half hour trades more per minute than midday.
        var generator = new SyntheticBarGenerator(1);
        var bars = generator.Bars(generator.Symbols(1), Friday, 20).ToList();
        var byMinute = bars.Select((bar, i) => (Minute: i % 390, bar.Volume)).ToList();
        var open = byMinute.Where(x => x.Minute < 30).Average(x => x.Volume);
        var midday = byMinute.Where(x => x.Minute is >= 180 and < 210).Average(x => x.Volume);
        Assert.True(open > 1.8m * midday, $"open {open} vs midday {midday}");
    }
}
