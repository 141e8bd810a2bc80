using System.Globalization;
using NodaTime;

namespace Orchestrator.Domain.MarketData.Import;

/// <summary>Which of QuantConnect Lean's equity files a path is.</summary>
public enum LeanFileKind
{
    /// <summary><c>YYYYMMDD_trade.zip</c>: minute trade bars of one symbol on one date.</summary>
    MinuteTrade,

    /// <summary><c>YYYYMMDD_quote.zip</c>: minute quote bars of one symbol on one date.</summary>
    MinuteQuote,

    /// <summary><c>SYMBOL.zip</c> in a daily folder: one line per day.</summary>
    Daily,
}

/// <summary>A Lean quote row: the minute it starts and the closing bid and ask with their sizes.</summary>
public readonly record struct LeanQuote(DateTimeOffset Start, decimal Bid, decimal Ask, decimal BidSize, decimal AskSize);

/// <summary>
/// QuantConnect Lean's equity data format (Lean's <c>Data/equity/usa/{minute,daily}</c>):
/// <list type="bullet">
/// <item>minute trade rows <c>Time,Open,High,Low,Close,Volume</c>, where Time is milliseconds since midnight New
/// York time on the file's date (the bar's start) and prices are in deci-cents (integer ÷ 10,000);</item>
/// <item>minute quote rows <c>Time,BidOpen,BidHigh,BidLow,BidClose,BidSize,AskOpen,AskHigh,AskLow,AskClose,AskSize</c>;</item>
/// <item>daily rows <c>YYYYMMDD 00:00,Open,High,Low,Close,Volume</c> (a daily bar starts at midnight New York).</item>
/// </list>
/// Parsing is exact (decimal arithmetic) and refuses a malformed row with a <see cref="FormatException"/> saying
/// what is wrong; the importer adds the file and line.
/// </summary>
public static class LeanFormat
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static StoredBar ParseTrade(string symbol, DateOnly date, string line)
    {
        var fields = Split(line, 6);
        var start = NewYorkInstant(date, Milliseconds(fields[0]));
        return new StoredBar(new Bar(symbol, start, TimeSpan.FromMinutes(1),
            DeciCents(fields[1], "Open"), DeciCents(fields[2], "High"), DeciCents(fields[3], "Low"), DeciCents(fields[4], "Close"), Volume(fields[5])));
    }

    public static LeanQuote ParseQuote(DateOnly date, string line)
    {
        var fields = Split(line, 11);
        return new LeanQuote(NewYorkInstant(date, Milliseconds(fields[0])),
            DeciCents(fields[4], "BidClose"), DeciCents(fields[9], "AskClose"), Volume(fields[5]), Volume(fields[10]));
    }

    public static StoredBar ParseDaily(string symbol, string line)
    {
        var fields = Split(line, 6);
        if (!DateOnly.TryParseExact(fields[0], "yyyyMMdd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"Time '{fields[0]}' is not YYYYMMDD 00:00.");
        }

        return new StoredBar(new Bar(symbol, NewYorkInstant(date, 0), TimeSpan.FromDays(1),
            DeciCents(fields[1], "Open"), DeciCents(fields[2], "High"), DeciCents(fields[3], "Low"), DeciCents(fields[4], "Close"), Volume(fields[5])));
    }

    /// <summary>
    /// The kind and date of a Lean file from its name: <c>20131007_trade.zip</c>, <c>20131007_quote.zip</c>, or a
    /// daily <c>aapl.zip</c> (its symbol is the file name). Null when the name is none of these.
    /// </summary>
    public static (LeanFileKind Kind, DateOnly? Date, string? Symbol)? Classify(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var parts = name.Split('_');
        if (parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return parts[1] switch
            {
                "trade" => (LeanFileKind.MinuteTrade, date, null),
                "quote" => (LeanFileKind.MinuteQuote, date, null),
                _ => null,
            };
        }

        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            ? (LeanFileKind.Daily, null, name.ToUpperInvariant())
            : null;
    }

    /// <summary>Local midnight in New York plus the offset, as UTC: daylight saving applies (EDT is UTC−4, EST UTC−5).</summary>
    private static DateTimeOffset NewYorkInstant(DateOnly date, long milliseconds)
    {
        var local = new LocalDate(date.Year, date.Month, date.Day).AtMidnight().PlusMilliseconds(milliseconds);
        return NewYork.AtLeniently(local).ToDateTimeOffset().ToUniversalTime();
    }

    private static string[] Split(string line, int count)
    {
        var fields = line.Split(',');
        return fields.Length == count
            ? fields
            : throw new FormatException($"expected {count} comma-separated fields, found {fields.Length}.");
    }

    private static long Milliseconds(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms < 86_400_000
            ? ms
            : throw new FormatException($"Time '{text}' is not milliseconds since midnight (0 to 86,399,999).");

    private static decimal DeciCents(string text, string field) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value / 10_000m
            : throw new FormatException($"{field} '{text}' is not a positive price in deci-cents.");

    private static decimal Volume(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new FormatException($"Volume '{text}' is not a non-negative number.");
}
