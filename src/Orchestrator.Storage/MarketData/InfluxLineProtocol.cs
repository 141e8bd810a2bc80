using System.Globalization;
using System.Text;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// Writes a bar as one InfluxDB 1.x line-protocol point
/// (https://docs.influxdata.com/influxdb/v1/write_protocols/line_protocol_reference/):
/// <c>prices,exchange=X,symbol=S open=…,high=…,… 1772807400000000000</c>. Tags are in key order (InfluxDB sorts them
/// anyway; pre-sorted saves it the work); every field is a float, so a later write never conflicts on field type.
/// </summary>
internal static class InfluxLineProtocol
{
    public static void Append(StringBuilder line, StoredBar bar, string exchange)
    {
        line.Append("prices,exchange=");
        AppendTag(line, exchange);
        line.Append(",symbol=");
        AppendTag(line, bar.Symbol);
        line.Append(' ');
        AppendField(line, "open", bar.Bar.Open, first: true);
        AppendField(line, "high", bar.Bar.High);
        AppendField(line, "low", bar.Bar.Low);
        AppendField(line, "close", bar.Bar.Close);
        AppendField(line, "volume", bar.Bar.Volume);
        AppendField(line, "vwap", bar.Vwap);
        AppendField(line, "bid", bar.Bid);
        AppendField(line, "ask", bar.Ask);
        AppendField(line, "bid_size", bar.BidSize);
        AppendField(line, "ask_size", bar.AskSize);
        line.Append(' ');
        line.Append(((bar.Start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString(CultureInfo.InvariantCulture));
        line.Append('\n');
    }

    private static void AppendField(StringBuilder line, string name, decimal? value, bool first = false)
    {
        if (value is not { } v)
        {
            return;
        }

        if (!first)
        {
            line.Append(',');
        }

        // Decimal text ("100.12345678") parses to the nearest float64; "G" never uses an exponent for decimal.
        line.Append(name).Append('=').Append(v.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Tag values escape commas, equals signs and spaces with a backslash.</summary>
    private static void AppendTag(StringBuilder line, string value)
    {
        foreach (var c in value)
        {
            if (c is ',' or '=' or ' ')
            {
                line.Append('\\');
            }

            line.Append(c);
        }
    }
}
