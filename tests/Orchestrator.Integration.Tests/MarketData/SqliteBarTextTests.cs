using System.Globalization;
using System.Text;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Integration.Tests.MarketData;

public sealed class SqliteBarTextTests
{
    [Theory]
    [InlineData("0.0")]
    [InlineData("182.16")]
    [InlineData("182.0")]
    [InlineData("1.50")]
    [InlineData("-1.5")]
    [InlineData("100.12345678")]
    [InlineData("0.00000001")]
    [InlineData("7")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890.12345678")]
    public void A_plain_decimal_parses_to_the_value_and_scale_decimal_Parse_gives(string text)
    {
        Assert.True(SqliteBarText.TryParseDecimal(Encoding.UTF8.GetBytes(text), out var value));

        var expected = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        // Bits, not ==: 1.50 equals 1.5 as a value but prints differently, and the stores must read back what was written.
        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(value));
        Assert.Equal(text, value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e5")]
    [InlineData("1.2.3")]
    [InlineData(" 1")]
    [InlineData("1234567890123456789")] // 19 digits: more than the fast path's 64-bit mantissa holds safely
    public void Anything_else_is_left_to_the_general_parser(string text) =>
        Assert.False(SqliteBarText.TryParseDecimal(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("2024-01-02 14:30:00", 0L)]
    [InlineData("2024-01-02 14:30:00.5", 5_000_000L)]
    [InlineData("2024-01-02 14:30:00.1234567", 1_234_567L)]
    [InlineData("2024-01-02 14:30:00.0000001", 1L)]
    public void A_stored_instant_parses_as_utc_with_its_fraction(string text, long fractionTicks)
    {
        Assert.True(SqliteBarText.TryParseTime(Encoding.UTF8.GetBytes(text), out var value));

        Assert.Equal(new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc).AddTicks(fractionTicks), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Theory]
    [InlineData("2024-01-02T14:30:00")]
    [InlineData("2024-02-30 14:30:00")]
    [InlineData("2024-01-02 24:00:00")]
    [InlineData("2024-01-02 14:30:00.12345678")]
    [InlineData("2024-01-02 14:30:00.")]
    [InlineData("2024-01-02 14:30:00+00:00")]
    [InlineData("2024-01-02 14:30")]
    public void Other_time_forms_are_left_to_the_general_parser(string text) =>
        Assert.False(SqliteBarText.TryParseTime(Encoding.UTF8.GetBytes(text), out _));
}
