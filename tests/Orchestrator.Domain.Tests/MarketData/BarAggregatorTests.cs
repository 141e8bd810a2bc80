using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Tests.MarketData;

public sealed class BarAggregatorTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    private static StoredBar M(string symbol, DateTimeOffset start, decimal o, decimal h, decimal l, decimal c, decimal v, decimal? vwap = null) =>
        new(new Bar(symbol, start, Minute, o, h, l, c, v), vwap);

    // Five AAPL minutes 14:30Z..14:34Z, then one at 14:35Z that opens the next 5m bucket.
    // pᵢ = the minute's VWAP when stored, else (H + L + C) / 3:
    //   14:30  O100 H102   L99  C102   V100  p = (102 + 99 + 102) / 3 = 101     p×v = 10,100
    //   14:31  O102 H103   L101 C102   V200  p = (103 + 101 + 102) / 3 = 102    p×v = 20,400
    //   14:32  O102 H104   L100 C103   V300  p = vwap 102.5                     p×v = 30,750
    //   14:33  O103 H106   L102 C104   V100  p = (106 + 102 + 104) / 3 = 104    p×v = 10,400
    //   14:34  O104 H105   L102 C102   V300  p = (105 + 102 + 102) / 3 = 103    p×v = 30,900
    // 14:30 5m bar: open 100 (first), high 106 (14:33), low 99 (14:30), close 102 (14:34), volume 1,000,
    //   VWAP = (10,100 + 20,400 + 30,750 + 10,400 + 30,900) / 1,000 = 102,550 / 1,000 = 102.55.
    private static readonly StoredBar[] Aapl =
    [
        M("AAPL", Utc(6, 14, 30), 100m, 102m, 99m, 102m, 100m),
        M("AAPL", Utc(6, 14, 31), 102m, 103m, 101m, 102m, 200m),
        M("AAPL", Utc(6, 14, 32), 102m, 104m, 100m, 103m, 300m, vwap: 102.5m),
        M("AAPL", Utc(6, 14, 33), 103m, 106m, 102m, 104m, 100m),
        M("AAPL", Utc(6, 14, 34), 104m, 105m, 102m, 102m, 300m) with { Bid = 101.9m, Ask = 102.1m, BidSize = 3m, AskSize = 5m },
        M("AAPL", Utc(6, 14, 35), 102m, 102m, 101m, 101.5m, 50m, vwap: 101.6m),
    ];

    [Fact]
    public void Five_minutes_roll_up_to_first_open_max_high_min_low_last_close_summed_volume_and_vwap()
    {
        var aggregator = new BarAggregator(BarInterval.FiveMinutes);
        var emitted = Aapl[..5].SelectMany(aggregator.Add).ToList();
        // Nothing at or after 14:35 has arrived, so the 14:30 bucket may still grow.
        Assert.Empty(emitted);

        var completed = Assert.Single(aggregator.Add(Aapl[5]));

        // The closing quote is the last minute's (14:34).
        Assert.Equal(
            new StoredBar(new Bar("AAPL", Utc(6, 14, 30), TimeSpan.FromMinutes(5), 100m, 106m, 99m, 102m, 1000m), 102.55m, 101.9m, 102.1m, 3m, 5m),
            completed);

        // The 14:35 bucket holds one minute: its own values, VWAP its stored 101.6.
        Assert.Equal(
            new StoredBar(new Bar("AAPL", Utc(6, 14, 35), TimeSpan.FromMinutes(5), 102m, 102m, 101m, 101.5m, 50m), 101.6m),
            Assert.Single(aggregator.Flush()));
        Assert.Empty(aggregator.Flush());
    }

    [Fact]
    public async Task The_stream_form_yields_the_same_bars_in_time_order_with_ties_by_symbol()
    {
        // MSFT trades 14:30 and 14:41 only; AAPL as above. Expected 5m bars in time order, ties by symbol:
        //   14:30 AAPL, 14:30 MSFT, 14:35 AAPL, 14:40 MSFT (no MSFT bar for the empty 14:35 bucket).
        var msft1 = M("MSFT", Utc(6, 14, 30), 400m, 401m, 399m, 400m, 10m);
        var msft2 = M("MSFT", Utc(6, 14, 41), 402m, 403m, 401m, 402m, 0m);
        StoredBar[] input = [Aapl[0], msft1, .. Aapl[1..], msft2];

        var bars = await BarAggregator.AggregateAsync(input.ToAsyncEnumerable(), BarInterval.FiveMinutes, ct: TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            [("AAPL", Utc(6, 14, 30)), ("MSFT", Utc(6, 14, 30)), ("AAPL", Utc(6, 14, 35)), ("MSFT", Utc(6, 14, 40))],
            bars.Select(b => (b.Symbol, b.Start)).ToArray());
        // MSFT 14:30: one minute of volume 10 at typical (401 + 399 + 400) / 3 = 400.
        Assert.Equal(400m, bars[1].Vwap);
        // MSFT 14:40: no volume traded, so no VWAP.
        Assert.Null(bars[3].Vwap);
    }

    [Fact]
    public void Daily_bars_follow_the_symbols_trading_day_and_default_to_utc_dates()
    {
        // Friday 2026-03-06 is EST (UTC-5): the New York day runs 05:00Z to 05:00Z next day.
        // Monday 2026-03-09 is EDT (UTC-4, after the 2026-03-08 change): 04:00Z to 04:00Z.
        var aggregator = new BarAggregator(BarInterval.OneDay, s => s == "AAPL" ? TradingHours.UsEquities : null);
        StoredBar[] input =
        [
            M("AAPL", Utc(6, 14, 30), 100m, 101m, 99m, 100m, 10m),
            M("BTC", Utc(6, 23, 59), 50m, 51m, 49m, 50m, 1m),
            M("AAPL", Utc(6, 20, 59), 100m, 103m, 100m, 102m, 10m),
            M("BTC", Utc(7, 0, 0), 51m, 52m, 50m, 51m, 1m),
            M("AAPL", Utc(9, 13, 30), 102m, 102m, 98m, 99m, 10m),
        ];
        input = [.. input.OrderBy(b => b.Start)];

        var bars = input.SelectMany(aggregator.Add).ToList();
        bars.AddRange(aggregator.Flush());

        Assert.Equal(
            [
                ("BTC", Utc(6, 0, 0), TimeSpan.FromHours(24)),
                ("AAPL", Utc(6, 5, 0), TimeSpan.FromHours(24)),
                ("BTC", Utc(7, 0, 0), TimeSpan.FromHours(24)),
                ("AAPL", Utc(9, 4, 0), TimeSpan.FromHours(24)),
            ],
            bars.Select(b => (b.Symbol, b.Start, b.Period)).ToArray());
        // AAPL's Friday: open 100 (14:30Z), high 103, low 99, close 102 (20:59Z), volume 20.
        var friday = bars.Single(b => b.Symbol == "AAPL" && b.Start == Utc(6, 5, 0)).Bar;
        Assert.Equal((100m, 103m, 99m, 102m, 20m), (friday.Open, friday.High, friday.Low, friday.Close, friday.Volume));
    }

    [Fact]
    public void A_bar_earlier_than_the_previous_one_is_refused()
    {
        var aggregator = new BarAggregator(BarInterval.FiveMinutes);
        aggregator.Add(Aapl[1]);
        Assert.Throws<ArgumentException>(() => aggregator.Add(Aapl[0]));
    }

    [Theory]
    [InlineData("1m", 1)]
    [InlineData("5m", 5)]
    [InlineData("15m", 15)]
    [InlineData("1h", 60)]
    [InlineData("1d", 1440)]
    public void Intervals_parse_from_their_short_names(string text, int minutes)
    {
        var interval = BarInterval.Parse(text);
        Assert.Equal(TimeSpan.FromMinutes(minutes), interval.Period);
        Assert.Equal(text, interval.ToString());
    }

    [Fact]
    public void An_unknown_interval_is_a_format_error() => Assert.Throws<FormatException>(() => BarInterval.Parse("7m"));
}
