using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Benchmarks;

/// <summary>
/// Each store's own floor for the bars benchmark's read, measured in the same run: the store's engine producing the same
/// rows with no decoding into bars on our side.
/// </summary>
internal static class BarReadFloors
{
    public const string Sqlite3Path = "/usr/bin/sqlite3";

    private const string Columns = "symbol, timestamp, open_price, high_price, low_price, close_price, volume, vwap, bid, ask, bid_size, ask_size";

    /// <summary>
    /// psql copying the store's query (the symbols, the range, the store's order) in binary to /dev/null: PostgreSQL and
    /// the transfer alone.
    /// </summary>
    public static Task<double> PostgresAsync(string connectionString, string[] symbols, DateTimeOffset from, DateTimeOffset to)
    {
        var list = string.Join(",", symbols.Select(s => $"'{s}'"));
        var query = string.Create(CultureInfo.InvariantCulture,
            $"SELECT {Columns} FROM market_data_1m WHERE symbol = ANY(ARRAY[{list}]) AND timestamp >= '{from.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00' AND timestamp < '{to.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00' ORDER BY timestamp, symbol COLLATE \"C\"");
        return BarsBenchmark.PsqlAsync(connectionString, $"\\copy ({query}) TO '/dev/null' WITH (FORMAT binary)");
    }

    /// <summary>
    /// The sqlite3 shell running the range's query (every symbol, in the (timestamp, symbol) index's order) with its
    /// output to /dev/null: SQLite producing every row as text. Null when the shell is not installed.
    /// </summary>
    public static async Task<double?> SqliteAsync(string file, DateTimeOffset from, DateTimeOffset to)
    {
        if (!File.Exists(Sqlite3Path))
        {
            return null;
        }

        var info = new ProcessStartInfo(Sqlite3Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(file);
        info.ArgumentList.Add(".output /dev/null");
        info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture,
            $"SELECT {Columns} FROM market_data_1m WHERE timestamp >= '{from.UtcDateTime:yyyy-MM-dd HH:mm:ss}' AND timestamp < '{to.UtcDateTime:yyyy-MM-dd HH:mm:ss}' ORDER BY timestamp, symbol"));
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return process.ExitCode == 0 ? seconds : throw new InvalidOperationException($"sqlite3 exited with {process.ExitCode}: {await stderr}");
    }

    /// <summary>
    /// InfluxDB answering the store's query (the same fields, symbol regex, range, order and chunking), its body read to
    /// the end and thrown away: the server's own time to produce and send the points.
    /// </summary>
    public static async Task<double> InfluxAsync(HttpClient http, Uri url, string database, string[] symbols, DateTimeOffset from, DateTimeOffset to)
    {
        static long Nanoseconds(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        var query = string.Create(CultureInfo.InvariantCulture,
            $"SELECT open, high, low, close, volume, vwap, bid, ask, bid_size, ask_size, symbol FROM prices WHERE symbol =~ /^({string.Join("|", symbols)})$/ AND time >= {Nanoseconds(from)} AND time < {Nanoseconds(to)} ORDER BY time");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(
            new Uri(url, $"query?db={Uri.EscapeDataString(database)}&epoch=ns&chunked=true&chunk_size=10000&q={Uri.EscapeDataString(query)}"),
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
