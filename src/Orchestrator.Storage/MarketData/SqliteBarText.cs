namespace Orchestrator.Storage.MarketData;

/// <summary>
/// Parses the text SQLite keeps for a bar's prices and start straight from its UTF-8 bytes, without the string
/// Microsoft.Data.Sqlite's <c>GetDecimal</c> and <c>GetDateTime</c> build and parse per value (most of a large read's
/// time). Only the exact forms the stores write are accepted here (EF Core's decimal text and
/// 'yyyy-MM-dd HH:mm:ss.FFFFFFF'); anything else answers false, and the caller falls back to the reader's own parsing.
/// </summary>
internal static class SqliteBarText
{
    /// <summary>
    /// A plain decimal: optional '-', 1 to 18 digits in all, optional '.' followed by at least one digit. The result has
    /// the value and the scale decimal.Parse gives (trailing zeros kept: "1.50" has scale 2).
    /// </summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        var negative = !text.IsEmpty && text[0] == '-';
        var i = negative ? 1 : 0;
        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && scale < 0 && digits > 0)
            {
                scale = 0;
                continue;
            }

            if (c is < (byte)'0' or > (byte)'9' || ++digits > 18)
            {
                return false;
            }

            mantissa = (mantissa * 10) + (ulong)(c - '0');
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (digits == 0 || scale == 0)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>'yyyy-MM-dd HH:mm:ss' with an optional fraction of 1 to 7 digits, as UTC.</summary>
    public static bool TryParseTime(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0L;
        if (text.Length > 19)
        {
            var fraction = text[20..];
            if (text[19] != '.' || fraction.Length is 0 or > 7 || !TryDigits(fraction, out var digits))
            {
                return false;
            }

            ticks = digits;
            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
