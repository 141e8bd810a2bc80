using System.Globalization;
using System.Text.Json;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// Parses one chunk of a chunked InfluxQL response (one JSON object per line, at most chunk_size rows):
/// <c>{"results":[{"statement_id":0,"series":[{"name":"prices","columns":["time","open",…],"values":[[…],…]}]}]}</c>,
/// or an <c>error</c> member, which is thrown.
/// </summary>
internal static class InfluxQueryChunk
{
    public static List<StoredBar> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        ThrowOnError(root);
        var bars = new List<StoredBar>();
        if (!root.TryGetProperty("results", out var results))
        {
            return bars;
        }

        foreach (var result in results.EnumerateArray())
        {
            ThrowOnError(result);
            if (!result.TryGetProperty("series", out var series))
            {
                continue;
            }

            foreach (var serie in series.EnumerateArray())
            {
                var columns = serie.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
                int Column(string name) => columns.IndexOf(name);
                var (time, open, high, low, close, volume) = (Column("time"), Column("open"), Column("high"), Column("low"), Column("close"), Column("volume"));
                var (vwap, bid, ask, bidSize, askSize, symbol) = (Column("vwap"), Column("bid"), Column("ask"), Column("bid_size"), Column("ask_size"), Column("symbol"));
                foreach (var row in serie.GetProperty("values").EnumerateArray())
                {
                    var start = DateTimeOffset.UnixEpoch.AddTicks(row[time].GetInt64() / 100);
                    var bar = new Bar(row[symbol].GetString()!, start, MinuteBars.Period,
                        Number(row, open) ?? 0m, Number(row, high) ?? 0m, Number(row, low) ?? 0m, Number(row, close) ?? 0m, Number(row, volume) ?? 0m);
                    bars.Add(new StoredBar(bar, Number(row, vwap), Number(row, bid), Number(row, ask), Number(row, bidSize), Number(row, askSize)));
                }
            }
        }

        return bars;
    }

    /// <summary>
    /// The float's JSON text parsed as a decimal: InfluxDB prints the shortest text that round-trips the double, so
    /// a value written with at most 15 significant digits reads back as exactly that decimal.
    /// </summary>
    private static decimal? Number(JsonElement row, int column) =>
        column < 0 || row[column].ValueKind == JsonValueKind.Null
            ? null
            : decimal.Parse(row[column].GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void ThrowOnError(JsonElement element)
    {
        if (element.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxDB query failed: {error.GetString()}");
        }
    }
}
