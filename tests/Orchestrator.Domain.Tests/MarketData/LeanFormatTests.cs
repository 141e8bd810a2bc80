using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.MarketData.Import;

namespace Orchestrator.Domain.Tests.MarketData;

public sealed class LeanFormatTests
{
    [Fact]
    public void A_summer_trade_row_is_new_york_daylight_time_and_deci_cents()
    {
        // 34,260,000 ms = 34,260 s = 9 h (32,400 s) + 31 min (1,860 s): 09:31 in New York. On 2013-10-07 New York
        // keeps daylight time (EDT, UTC-4): 13:31 UTC. Prices: 1,644,000 / 10,000 = 164.4, and so on.
        var bar = LeanFormat.ParseTrade("AAPL", new DateOnly(2013, 10, 7), "34260000,1644000,1645000,1643000,1644500,12345");
        Assert.Equal(new Bar("AAPL", new DateTimeOffset(2013, 10, 7, 13, 31, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1), 164.4m, 164.5m, 164.3m, 164.45m, 12345m), bar.Bar);
        Assert.Null(bar.Bid);
    }

    [Fact]
    public void A_winter_row_is_five_hours_behind_utc_and_the_spring_forward_day_switches_at_two()
    {
        // 34,200,000 ms = 09:30; 2013-12-02 is standard time (EST, UTC-5): 14:30 UTC.
        Assert.Equal(new DateTimeOffset(2013, 12, 2, 14, 30, 0, TimeSpan.Zero),
            LeanFormat.ParseTrade("X", new DateOnly(2013, 12, 2), "34200000,10000,10000,10000,10000,1").Start);
        // 2013-03-10: clocks go from 02:00 EST to 03:00 EDT. 01:00 (3,600,000 ms) is EST: 06:00 UTC;
        // 03:00 (10,800,000 ms) is EDT: 07:00 UTC, one hour of UTC later for two hours of wall clock.
        Assert.Equal(new DateTimeOffset(2013, 3, 10, 6, 0, 0, TimeSpan.Zero),
            LeanFormat.ParseTrade("X", new DateOnly(2013, 3, 10), "3600000,10000,10000,10000,10000,1").Start);
        Assert.Equal(new DateTimeOffset(2013, 3, 10, 7, 0, 0, TimeSpan.Zero),
            LeanFormat.ParseTrade("X", new DateOnly(2013, 3, 10), "10800000,10000,10000,10000,10000,1").Start);
    }

    [Fact]
    public void A_quote_row_gives_the_closing_bid_and_ask_with_their_sizes()
    {
        // BidClose 1,643,950 / 10,000 = 164.395; AskClose 1,644,050 / 10,000 = 164.405.
        var quote = LeanFormat.ParseQuote(new DateOnly(2013, 10, 7), "34260000,1643900,1644000,1643800,1643950,300,1644100,1644200,1644000,1644050,500");
        Assert.Equal(new LeanQuote(new DateTimeOffset(2013, 10, 7, 13, 31, 0, TimeSpan.Zero), 164.395m, 164.405m, 300m, 500m), quote);
    }

    [Fact]
    public void A_daily_row_starts_at_midnight_new_york()
    {
        // 2013-10-07 00:00 EDT = 04:00 UTC; a one-day bar.
        var bar = LeanFormat.ParseDaily("AAPL", "20131007 00:00,4830000,4870000,4800000,4856000,10000000");
        Assert.Equal(new Bar("AAPL", new DateTimeOffset(2013, 10, 7, 4, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1), 483m, 487m, 480m, 485.6m, 10_000_000m), bar.Bar);
    }

    [Theory]
    [InlineData("34260000,abc,1,1,1,1", "Open 'abc' is not a positive price in deci-cents.")]
    [InlineData("34260000,1,1,1,1", "expected 6 comma-separated fields, found 5.")]
    [InlineData("90000000,1,1,1,1,1", "Time '90000000' is not milliseconds since midnight (0 to 86,399,999).")]
    [InlineData("34260000,1,1,1,1,-5", "Volume '-5' is not a non-negative number.")]
    public void A_malformed_row_says_what_is_wrong(string line, string message)
    {
        var error = Assert.Throws<FormatException>(() => LeanFormat.ParseTrade("X", new DateOnly(2013, 10, 7), line));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("equity/usa/minute/aapl/20131007_trade.zip", LeanFileKind.MinuteTrade, "2013-10-07", null)]
    [InlineData("20131007_quote.zip", LeanFileKind.MinuteQuote, "2013-10-07", null)]
    [InlineData("equity/usa/daily/brk.b.zip", LeanFileKind.Daily, null, "BRK.B")]
    public void File_names_say_what_a_file_holds(string path, LeanFileKind kind, string? date, string? symbol)
    {
        var classified = LeanFormat.Classify(path);
        Assert.NotNull(classified);
        Assert.Equal(kind, classified.Value.Kind);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), classified.Value.Date);
        Assert.Equal(symbol, classified.Value.Symbol);
    }
}
