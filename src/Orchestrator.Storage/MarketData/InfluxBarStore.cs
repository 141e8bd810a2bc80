using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// 1-minute bars in InfluxDB 1.x over its HTTP API (1.6 has only <c>/write</c> and <c>/query</c>; the v2 client does not
/// apply): measurement <c>prices</c>, tags <c>exchange</c> and <c>symbol</c>, fields open, high, low, close, volume,
/// vwap, bid, ask, bid_size, ask_size, timestamp the bar's start in nanoseconds.
/// <para>
/// Precision: InfluxDB stores fields as float64. Values are written as their decimal text and read back from the JSON
/// number text InfluxDB prints (Go's shortest round-trip form), so a value with at most 15 significant digits (all of
/// DECIMAL(15,8)) comes back exact; longer ones come back as the nearest double, within about 1e-15 relative.
/// </para>
/// <para>
/// Upsert is InfluxDB's own: a point with the same series (measurement and tags) and time replaces the earlier one's
/// fields. Two consequences: a field absent from the new point (a bid that became null) keeps its old value, and
/// writing a symbol under a different exchange tag makes a second series, so <c>exchangeOf</c> must be stable.
/// </para>
/// </summary>
public sealed class InfluxBarStore : IBarStore
{
    /// <summary>Lines per POST: InfluxDB's documented sweet spot is 5,000 to 10,000 points.</summary>
    public const int BatchSize = 5_000;

    private const string Fields = "open, high, low, close, volume, vwap, bid, ask, bid_size, ask_size, symbol";

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly string _database;
    private readonly Func<string, string?> _exchangeOf;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private bool _databaseExists;

    /// <param name="http">The client to send with (owned by the caller).</param>
    /// <param name="url">InfluxDB's base URL, e.g. http://127.0.0.1:8086.</param>
    /// <param name="database">The database; created on the first write if missing.</param>
    /// <param name="exchangeOf">The <c>exchange</c> tag of a symbol; null or a null answer writes "UNKNOWN".</param>
    public InfluxBarStore(HttpClient http, Uri url, string database, Func<string, string?>? exchangeOf = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        _http = http;
        _baseUri = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        _database = database;
        _exchangeOf = exchangeOf ?? (_ => null);
    }

    /// <summary>
    /// Line protocol, <see cref="BatchSize"/> points per gzip-compressed POST. A failed POST throws after the earlier
    /// batches were stored; <paramref name="progress"/> and a re-run (which overwrites) recover from that.
    /// </summary>
    public async Task<long> WriteAsync(IAsyncEnumerable<StoredBar> bars, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bars);
        await EnsureDatabaseAsync(ct);
        var lines = new StringBuilder(BatchSize * 160);
        var pending = 0;
        long total = 0;
        await foreach (var bar in bars.WithCancellation(ct))
        {
            InfluxLineProtocol.Append(lines, MinuteBars.Checked(bar), _exchangeOf(bar.Symbol) ?? "UNKNOWN");
            if (++pending == BatchSize)
            {
                total += await PostAsync(lines, pending, ct);
                progress?.Report(total);
                pending = 0;
            }
        }

        if (pending > 0)
        {
            total += await PostAsync(lines, pending, ct);
            progress?.Report(total);
        }

        return total;
    }

    public async IAsyncEnumerable<StoredBar> ReadAsync(
        IReadOnlyCollection<string> symbols, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var filter = symbols.Count == 0 ? string.Empty : $"symbol =~ /^({string.Join("|", symbols.Select(EscapeRegex))})$/ AND ";
        var query = $"SELECT {Fields} FROM prices WHERE {filter}time >= {Nanoseconds(from)} AND time < {Nanoseconds(to)} ORDER BY time";

        // InfluxDB merges the series in time order but leaves ties in no stated order: a minute's bars are held
        // (one per symbol at most) and released sorted by symbol once a later minute starts.
        var minute = new List<StoredBar>();
        await foreach (var bar in QueryAsync(query, ct))
        {
            if (minute.Count > 0 && bar.Start != minute[0].Start)
            {
                foreach (var held in SortedBySymbol(minute))
                {
                    yield return held;
                }

                minute.Clear();
            }

            minute.Add(bar);
        }

        foreach (var held in SortedBySymbol(minute))
        {
            yield return held;
        }
    }

    public async Task<StoredBar?> LatestAsync(string symbol, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var query = $"SELECT {Fields} FROM prices WHERE symbol = '{EscapeString(symbol)}' ORDER BY time DESC LIMIT 1";
        await foreach (var bar in QueryAsync(query, ct))
        {
            return bar;
        }

        return null;
    }

    /// <summary>Runs an InfluxQL query with <c>chunked=true</c> and parses the response one chunk (one JSON line) at a time.</summary>
    private async IAsyncEnumerable<StoredBar> QueryAsync(string query, [EnumeratorCancellation] CancellationToken ct)
    {
        await EnsureDatabaseAsync(ct);
        var uri = new Uri(_baseUri,
            $"query?db={Uri.EscapeDataString(_database)}&epoch=ns&chunked=true&chunk_size=10000&q={Uri.EscapeDataString(query)}");
        using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, "query", ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            foreach (var bar in InfluxQueryChunk.Parse(line))
            {
                yield return bar;
            }
        }
    }

    private async Task<int> PostAsync(StringBuilder lines, int count, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await using (var gzip = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true))
        await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            foreach (var chunk in lines.GetChunks())
            {
                await writer.WriteAsync(chunk, ct);
            }
        }

        lines.Clear();
        body.Position = 0;
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        content.Headers.ContentEncoding.Add("gzip");
        var uri = new Uri(_baseUri, $"write?db={Uri.EscapeDataString(_database)}&precision=ns");
        using var response = await _http.PostAsync(uri, content, ct);
        await EnsureSuccessAsync(response, "write", ct);
        return count;
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _databaseExists))
        {
            return;
        }

        await _createGate.WaitAsync(ct);
        try
        {
            if (!_databaseExists)
            {
                // CREATE DATABASE is idempotent in InfluxDB 1.x: it succeeds when the database exists.
                using var content = new FormUrlEncodedContent([new("q", $"CREATE DATABASE \"{_database.Replace("\"", "\\\"", StringComparison.Ordinal)}\"")]);
                using var response = await _http.PostAsync(new Uri(_baseUri, "query"), content, ct);
                await EnsureSuccessAsync(response, "CREATE DATABASE", ct);
                Volatile.Write(ref _databaseExists, true);
            }
        }
        finally
        {
            _createGate.Release();
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException(
                $"InfluxDB {what} failed: {(int)response.StatusCode} {body.Trim()}", null, response.StatusCode);
        }
    }

    private static IEnumerable<StoredBar> SortedBySymbol(List<StoredBar> bars) =>
        bars.Count == 1 ? bars : bars.OrderBy(b => b.Symbol, StringComparer.Ordinal);

    private static string Nanoseconds(DateTimeOffset instant) =>
        ((instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString(CultureInfo.InvariantCulture);

    /// <summary>Go's RE2 accepts a backslash before any punctuation: escape all of it (BRK.B, symbols with '/').</summary>
    private static string EscapeRegex(string symbol)
    {
        var escaped = new StringBuilder(symbol.Length * 2);
        foreach (var c in symbol)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string EscapeString(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}
