using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Orchestrator.Domain.MarketData.Import;

/// <summary>
/// Generic OHLCV CSV: the header row names the columns, in any order and case, with common aliases
/// (<c>time|timestamp|datetime|date</c>, <c>open|o</c>, <c>high|h</c>, <c>low|l</c>, <c>close|c</c>,
/// <c>volume|vol|v</c>, optional <c>symbol|ticker</c>, <c>vwap</c>, <c>bid</c>, <c>ask</c>). Times with an offset
/// (<c>2026-11-27T09:30:00-05:00</c>, <c>...Z</c>) are taken as written; times without one are local to the
/// time zone the user names (IANA), daylight saving applied; a bare date is that day's midnight there.
/// Fields may be quoted ("...", with "" for a quote).
/// </summary>
public sealed class CsvBarFormat
{
    private static readonly string[][] Aliases =
    [
        ["time", "timestamp", "datetime", "date"], ["open", "o"], ["high", "h"], ["low", "l"], ["close", "c"],
        ["volume", "vol", "v"], ["symbol", "ticker"], ["vwap"], ["bid"], ["ask"],
    ];

    private static readonly string[] LocalPatterns = ["uuuu-MM-dd HH:mm:ss", "uuuu-MM-dd HH:mm", "uuuu-MM-dd'T'HH:mm:ss", "uuuu-MM-dd'T'HH:mm", "uuuu-MM-dd"];

    private readonly int[] _columns;
    private readonly DateTimeZone _zone;
    private readonly string? _symbol;
    private readonly TimeSpan _period;

    private CsvBarFormat(int[] columns, DateTimeZone zone, string? symbol, TimeSpan period)
    {
        _columns = columns;
        _zone = zone;
        _symbol = symbol;
        _period = period;
    }

    /// <summary>Reads the header. <paramref name="symbol"/> is required when the file has no symbol column.</summary>
    public static CsvBarFormat FromHeader(string header, string timeZone, string? symbol, TimeSpan? period = null)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? throw new FormatException($"time zone '{timeZone}' is not an IANA zone such as America/New_York.");
        var names = SplitLine(header).Select(n => n.Trim().ToLowerInvariant()).ToList();
        var columns = Aliases.Select(aliases => names.FindIndex(aliases.Contains)).ToArray();
        var missing = Aliases.Take(6).Where((_, i) => columns[i] < 0).Select(a => a[0]).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"the header lacks {string.Join(", ", missing)} (it has {string.Join(", ", names)}).");
        }

        if (columns[6] < 0 && string.IsNullOrWhiteSpace(symbol))
        {
            throw new FormatException("the file has no symbol column: name the symbol (--symbol).");
        }

        return new CsvBarFormat(columns, zone, symbol?.Trim().ToUpperInvariant(), period ?? TimeSpan.FromMinutes(1));
    }

    public StoredBar Parse(string line)
    {
        var fields = SplitLine(line);
        string Field(int which) => _columns[which] < fields.Count ? fields[_columns[which]].Trim() : throw new FormatException($"the row has {fields.Count} fields, fewer than the header.");
        decimal Number(int which, string name, bool positive)
        {
            var text = Field(which);
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (positive ? value > 0 : value >= 0)
                ? value
                : throw new FormatException($"{name} '{text}' is not a {(positive ? "positive" : "non-negative")} number.");
        }

        decimal? Optional(int which, string name) => _columns[which] >= 0 && Field(which).Length > 0 ? Number(which, name, positive: true) : null;

        var symbol = _columns[6] >= 0 && Field(6).Length > 0 ? Field(6).ToUpperInvariant() : _symbol ?? throw new FormatException("the row has no symbol.");
        var bar = new Bar(symbol, Time(Field(0)), _period, Number(1, "open", true), Number(2, "high", true), Number(3, "low", true), Number(4, "close", true), Number(5, "volume", false));
        if (bar.Low > Math.Min(bar.Open, bar.Close) || bar.High < Math.Max(bar.Open, bar.Close))
        {
            throw new FormatException($"low {bar.Low} and high {bar.High} do not contain open {bar.Open} and close {bar.Close}.");
        }

        return new StoredBar(bar, Optional(7, "vwap"), Optional(8, "bid"), Optional(9, "ask"));
    }

    private DateTimeOffset Time(string text)
    {
        if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } withOffset)
        {
            return withOffset.Value.ToDateTimeOffset().ToUniversalTime();
        }

        if (text.EndsWith('Z') && InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return instant.Value.ToDateTimeOffset();
        }

        foreach (var pattern in LocalPatterns)
        {
            if (pattern == "uuuu-MM-dd" && LocalDatePattern.Iso.Parse(text) is { Success: true } date)
            {
                return _zone.AtStartOfDay(date.Value).ToDateTimeOffset().ToUniversalTime();
            }

            if (LocalDateTimePattern.CreateWithInvariantCulture(pattern).Parse(text) is { Success: true } local)
            {
                return _zone.AtLeniently(local.Value).ToDateTimeOffset().ToUniversalTime();
            }
        }

        throw new FormatException($"time '{text}' is neither ISO 8601 with an offset nor 'yyyy-MM-dd[ HH:mm[:ss]]'.");
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting within the line).</summary>
    public static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
