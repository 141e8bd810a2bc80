using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.MarketData.Import;

namespace Orchestrator.Domain.Tests.MarketData;

public sealed class CsvBarFormatTests
{
    [Fact]
    public void Columns_are_found_by_name_and_local_times_use_the_named_zone()
    {
        // Any order, any case, aliases; "2026-07-01 09:30" in New York is EDT (UTC-4): 13:30 UTC.
        var format = CsvBarFormat.FromHeader("Date,Ticker,O,H,L,C,Vol", "America/New_York", null);
        var bar = format.Parse("2026-07-01 09:30,acme,10.5,11,10.25,10.75,1200");
        Assert.Equal(new Bar("ACME", new DateTimeOffset(2026, 7, 1, 13, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1), 10.5m, 11m, 10.25m, 10.75m, 1200m), bar.Bar);
    }

    [Fact]
    public void An_offset_in_the_text_wins_over_the_zone_and_quoted_fields_are_read()
    {
        // 09:30-05:00 is 14:30 UTC whatever zone the user named.
        var format = CsvBarFormat.FromHeader("timestamp,open,high,low,close,volume,vwap", "Europe/London", "XYZ");
        var bar = format.Parse("\"2026-12-01T09:30:00-05:00\",1,1,1,1,1,1");
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero), bar.Start);
        Assert.Equal("XYZ", bar.Symbol);
        Assert.Equal(["a", "b,c", "d\"e"], CsvBarFormat.SplitLine("a,\"b,c\",\"d\"\"e\""));
    }

    [Fact]
    public void A_header_without_a_needed_column_or_symbol_is_refused()
    {
        Assert.Equal("the header lacks close, volume (it has time, open, high, low).",
            Assert.Throws<FormatException>(() => CsvBarFormat.FromHeader("time,open,high,low", "UTC", "X")).Message);
        Assert.Equal("the file has no symbol column: name the symbol (--symbol).",
            Assert.Throws<FormatException>(() => CsvBarFormat.FromHeader("time,open,high,low,close,volume", "UTC", null)).Message);
        Assert.Equal("time zone 'Mars/Olympus' is not an IANA zone such as America/New_York.",
            Assert.Throws<FormatException>(() => CsvBarFormat.FromHeader("time,open,high,low,close,volume", "Mars/Olympus", "X")).Message);
    }

    [Theory]
    [InlineData("2026-07-01 09:30,abc,1,1,1,1", "open 'abc' is not a positive number.")]
    [InlineData("yesterday,1,1,1,1,1", "time 'yesterday' is neither ISO 8601 with an offset nor 'yyyy-MM-dd[ HH:mm[:ss]]'.")]
    [InlineData("2026-07-01 09:30,10,9,8,9.5,1", "low 8 and high 9 do not contain open 10 and close 9.5.")]
    public void A_bad_row_says_what_is_wrong(string line, string message)
    {
        var format = CsvBarFormat.FromHeader("time,open,high,low,close,volume", "UTC", "X");
        Assert.Equal(message, Assert.Throws<FormatException>(() => format.Parse(line)).Message);
    }
}
