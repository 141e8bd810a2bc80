using System.IO.Compression;
using System.Runtime.CompilerServices;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.MarketData.Import;

namespace Orchestrator.Storage.MarketData.Import;

/// <summary>The file formats the importer reads.</summary>
public enum ImportFormat
{
    /// <summary>Decide per file: <c>.zip</c> is Lean, anything else CSV.</summary>
    Auto,
    Csv,
    Lean,
}

/// <summary>What to import and how strictly.</summary>
/// <param name="Paths">Files, or folders searched recursively.</param>
/// <param name="Symbol">The symbol of files that do not say (CSV without a symbol column; overrides Lean's folder name).</param>
/// <param name="TimeZone">The zone of CSV times written without an offset (IANA).</param>
/// <param name="Strict">All or nothing: any bad row (or bar of a symbol outside <paramref name="Universe"/>) and nothing is written.</param>
/// <param name="Universe">
/// The symbols <c>market_symbols</c> lists: bars of any other symbol are not imported but counted in
/// <see cref="ImportResult.NotInUniverse"/>, as the engine cannot trade them (a misspelt folder or <c>--symbol</c>
/// would otherwise leave bars nobody finds). Null imports every symbol.
/// </param>
public sealed record ImportRequest(
    IReadOnlyList<string> Paths, ImportFormat Format = ImportFormat.Auto, string? Symbol = null, string TimeZone = "UTC", bool Strict = false,
    IReadOnlySet<string>? Universe = null);

/// <summary>A row (or file) that could not be imported: where, and why.</summary>
public sealed record ImportError(string File, int Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}

/// <param name="NotInUniverse">Each symbol outside <see cref="ImportRequest.Universe"/> met in the files, with its bars left out.</param>
public sealed record ImportResult(int Files, long Rows, IReadOnlyList<ImportError> Errors, bool Written, IReadOnlyDictionary<string, long> NotInUniverse);

/// <summary>
/// Imports bars from CSV files and QuantConnect Lean zips into a bar store, streaming (a file is never held in
/// memory whole). The store upserts on (symbol, timestamp), so importing a file again changes nothing.
/// Bad rows are reported with file, line and reason; without <see cref="ImportRequest.Strict"/> the good rows
/// are imported, with it a first pass checks every row and nothing is written unless all are good. Bars of a symbol
/// outside <see cref="ImportRequest.Universe"/> are left out likewise (counted per symbol, not listed per row).
/// Lean minute trade and quote files of the same symbol and date are merged: the quote's closing bid and ask
/// (and sizes) go on the trade bar of the same minute.
/// </summary>
public sealed class BarImporter(IBarStore store)
{
    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<(string File, long Rows)>? progress, CancellationToken ct)
    {
        var files = Expand(request.Paths).ToList();
        var errors = new List<ImportError>();
        var outside = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (request.Strict)
        {
            await foreach (var _ in InUniverseAsync(ReadAsync(files, request, errors, progress: null, ct), request.Universe, outside))
            {
            }

            if (errors.Count > 0 || outside.Count > 0)
            {
                return new ImportResult(files.Count, 0, errors, Written: false, outside);
            }
        }

        outside.Clear();
        var rows = await store.WriteAsync(InUniverseAsync(ReadAsync(files, request, errors, progress, ct), request.Universe, outside), null, ct);
        return new ImportResult(files.Count, rows, errors, Written: true, outside);
    }

    /// <summary>The bars of symbols in <paramref name="universe"/> (all of them when it is null); the others are counted by symbol in <paramref name="outside"/>.</summary>
    private static async IAsyncEnumerable<StoredBar> InUniverseAsync(IAsyncEnumerable<StoredBar> bars, IReadOnlySet<string>? universe, SortedDictionary<string, long> outside)
    {
        await foreach (var bar in bars)
        {
            if (universe is null || universe.Contains(bar.Symbol))
            {
                yield return bar;
            }
            else
            {
                outside[bar.Symbol] = outside.GetValueOrDefault(bar.Symbol) + 1;
            }
        }
    }

    private static IEnumerable<string> Expand(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static async IAsyncEnumerable<StoredBar> ReadAsync(
        List<string> files, ImportRequest request, List<ImportError> errors, IProgress<(string, long)>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        long count = 0;
        // Lean quote files are read with their trade file (same folder and date), not on their own.
        var quoteFiles = files.Where(f => IsLean(f, request) && LeanFormat.Classify(f)?.Kind == LeanFileKind.MinuteQuote).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                errors.Add(new ImportError(file, 0, "no such file."));
                continue;
            }

            IAsyncEnumerable<StoredBar> bars;
            if (!IsLean(file, request))
            {
                bars = CsvAsync(file, request, errors, ct);
            }
            else if (LeanFormat.Classify(file) is not { } kind)
            {
                errors.Add(new ImportError(file, 0, "not a Lean file name (YYYYMMDD_trade.zip, YYYYMMDD_quote.zip or SYMBOL.zip)."));
                continue;
            }
            else if (kind.Kind == LeanFileKind.MinuteQuote)
            {
                var trade = Path.Combine(Path.GetDirectoryName(file)!, $"{kind.Date:yyyyMMdd}_trade.zip");
                if (files.Contains(trade))
                {
                    continue;
                }

                bars = LeanMinuteAsync(null, file, kind.Date!.Value, LeanSymbol(file, request), errors, ct);
            }
            else if (kind.Kind == LeanFileKind.MinuteTrade)
            {
                var quote = Path.Combine(Path.GetDirectoryName(file)!, $"{kind.Date:yyyyMMdd}_quote.zip");
                bars = LeanMinuteAsync(file, quoteFiles.Contains(quote) ? quote : null, kind.Date!.Value, LeanSymbol(file, request), errors, ct);
            }
            else
            {
                bars = LeanDailyAsync(file, request.Symbol?.ToUpperInvariant() ?? kind.Symbol!, errors, ct);
            }

            await foreach (var bar in bars)
            {
                yield return bar;
                if (++count % 10_000 == 0)
                {
                    progress?.Report((file, count));
                }
            }

            progress?.Report((file, count));
        }
    }

    private static bool IsLean(string file, ImportRequest request) =>
        request.Format == ImportFormat.Lean || (request.Format == ImportFormat.Auto && file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));

    /// <summary>Lean keeps minute files in a folder named after the symbol (equity/usa/minute/aapl/...).</summary>
    private static string LeanSymbol(string file, ImportRequest request) =>
        request.Symbol?.ToUpperInvariant() ?? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)))!.ToUpperInvariant();

    private static async IAsyncEnumerable<StoredBar> CsvAsync(string file, ImportRequest request, List<ImportError> errors, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(file);
        var header = await reader.ReadLineAsync(ct);
        CsvBarFormat format;
        try
        {
            format = CsvBarFormat.FromHeader(header ?? string.Empty, request.TimeZone, request.Symbol);
        }
        catch (FormatException ex)
        {
            errors.Add(new ImportError(file, 1, ex.Message));
            yield break;
        }

        var number = 1;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            StoredBar bar;
            try
            {
                bar = format.Parse(line);
            }
            catch (FormatException ex)
            {
                errors.Add(new ImportError(file, number, ex.Message));
                continue;
            }

            yield return bar;
        }
    }

    private static async IAsyncEnumerable<StoredBar> LeanMinuteAsync(
        string? tradeFile, string? quoteFile, DateOnly date, string symbol, List<ImportError> errors, [EnumeratorCancellation] CancellationToken ct)
    {
        // A day's quotes are at most 1,440 rows: held by minute to merge into the trade rows.
        var quotes = new Dictionary<DateTimeOffset, LeanQuote>();
        if (quoteFile is not null)
        {
            await foreach (var (line, number) in ZipLinesAsync(quoteFile, errors, ct))
            {
                try
                {
                    var quote = LeanFormat.ParseQuote(date, line);
                    quotes[quote.Start] = quote;
                }
                catch (FormatException ex)
                {
                    errors.Add(new ImportError(quoteFile, number, ex.Message));
                }
            }
        }

        if (tradeFile is null)
        {
            // Quotes alone: a bar at the mid with no volume, carrying the bid and ask.
            foreach (var q in quotes.Values.OrderBy(q => q.Start))
            {
                var mid = (q.Bid + q.Ask) / 2m;
                yield return new StoredBar(new Bar(symbol, q.Start, TimeSpan.FromMinutes(1), mid, mid, mid, mid, 0m), null, q.Bid, q.Ask, q.BidSize, q.AskSize);
            }

            yield break;
        }

        await foreach (var (line, number) in ZipLinesAsync(tradeFile, errors, ct))
        {
            StoredBar bar;
            try
            {
                bar = LeanFormat.ParseTrade(symbol, date, line);
            }
            catch (FormatException ex)
            {
                errors.Add(new ImportError(tradeFile, number, ex.Message));
                continue;
            }

            yield return quotes.TryGetValue(bar.Start, out var quote)
                ? bar with { Bid = quote.Bid, Ask = quote.Ask, BidSize = quote.BidSize, AskSize = quote.AskSize }
                : bar;
        }
    }

    private static async IAsyncEnumerable<StoredBar> LeanDailyAsync(string file, string symbol, List<ImportError> errors, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (line, number) in ZipLinesAsync(file, errors, ct))
        {
            StoredBar bar;
            try
            {
                bar = LeanFormat.ParseDaily(symbol, line);
            }
            catch (FormatException ex)
            {
                errors.Add(new ImportError(file, number, ex.Message));
                continue;
            }

            yield return bar;
        }
    }

    /// <summary>The lines of the zip's CSV entries, numbered from 1 per entry.</summary>
    private static async IAsyncEnumerable<(string Line, int Number)> ZipLinesAsync(string file, List<ImportError> errors, [EnumeratorCancellation] CancellationToken ct)
    {
        ZipArchive archive;
        try
        {
            archive = await ZipFile.OpenReadAsync(file, ct);
        }
        catch (InvalidDataException ex)
        {
            errors.Add(new ImportError(file, 0, $"not a readable zip ({ex.Message})."));
            yield break;
        }

        using (archive)
        {
            foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
            {
                await using var stream = await entry.OpenAsync(ct);
                using var reader = new StreamReader(stream);
                var number = 0;
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    number++;
                    if (line.Length > 0)
                    {
                        yield return (line, number);
                    }
                }
            }
        }
    }
}
