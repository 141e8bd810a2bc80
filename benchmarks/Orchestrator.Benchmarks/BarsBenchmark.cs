using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Orchestrator.Domain.MarketData;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Benchmarks;

/// <summary>
/// Importing and reading 1-minute bars (issue 5): N synthetic bars (<see cref="SyntheticBarGenerator"/>, 50 symbols,
/// streamed, never all in memory) imported through <see cref="RelationalBarStore"/> into a fresh migrated PostgreSQL
/// database, beside <c>psql \copy</c> of the same rows as CSV into an identical table in the same run (the baseline);
/// through the same store into a fresh SQLite file; through <see cref="InfluxBarStore"/> into its own InfluxDB
/// database when one answers; then a streamed read in time order of 1,000,000 of them back from each.
/// <c>ORCHESTRATOR_BENCH_POSTGRES=... dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- bars [N]</c>
/// (ORCHESTRATOR_BENCH_INFLUX_URL, default http://127.0.0.1:8086). A second argument <c>postgres</c> skips SQLite and
/// InfluxDB (the import target is PostgreSQL's).
/// </summary>
public static class BarsBenchmark
{
    public const string PsqlPath = "/usr/bin/psql";
    private const int SymbolCount = 50;
    private const int SessionMinutes = 390;
    private const int ReadRows = 1_000_000;
    private static readonly DateOnly FirstDay = new(2024, 1, 2);

    private sealed record Row(string Name, long Rows, double Seconds, string Note = "")
    {
        public double PerSecond => Rows / Seconds;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 5_000_000;
        var postgresOnly = args.Length > 1 && args[1] == "postgres";
        var admin = Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Console.Error.WriteLine("bars needs ORCHESTRATOR_BENCH_POSTGRES (a PostgreSQL connection string; scripts/services.sh prints one).");
            return 2;
        }

        var influxUrl = new Uri(Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_INFLUX_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:8086");
        var generator = new SyntheticBarGenerator(seed: 5);
        var symbols = generator.Symbols(SymbolCount);
        var names = symbols.Select(s => s.Symbol).ToArray();
        var days = (int)((total + (SymbolCount * SessionMinutes) - 1) / (SymbolCount * SessionMinutes));

        // The bars in generation order (minute by minute, symbols in order within a minute): the first N of them.
        IEnumerable<StoredBar> Bars() => generator.Bars(symbols, FirstDay, days).Take(checked((int)total)).Select(b => new StoredBar(b));

        // The read's range: from the first bar to the start of bar number ReadRows (minute-major order, and ReadRows a
        // multiple of the symbol count, so exactly ReadRows bars start in it), or past the last bar when there are fewer.
        var readCount = Math.Min(total, ReadRows);
        var from = DateTimeOffset.MinValue;
        var to = DateTimeOffset.MinValue;
        var rows = new List<Row>();

        // 0. The generator alone: what every import below pays before its store sees a row.
        var started = Stopwatch.GetTimestamp();
        long generated = 0;
        foreach (var bar in Bars())
        {
            if (generated == 0)
            {
                from = bar.Start;
            }

            if (generated == readCount - 1)
            {
                to = bar.Start.AddMinutes(1);
            }

            generated++;
        }

        rows.Add(new Row($"SyntheticBarGenerator alone ({SymbolCount} symbols × {days} days, streamed)", generated, Stopwatch.GetElapsedTime(started).TotalSeconds));
        Console.Error.WriteLine($"bars: generated {generated:N0} in {rows[^1].Seconds:N1} s; read range {from:O} to {to:O}");

        // 1. PostgreSQL: a fresh database, migrated; \copy of the CSV (baseline), then the store.
        var name = $"orchestrator_bench_{Guid.NewGuid():N}";
        await BenchDatabases.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'");
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        var csv = Path.Combine(Path.GetTempPath(), $"orchestrator-bars-bench-{Guid.NewGuid():N}.csv");
        Row copy, postgresImport;
        try
        {
            var postgres = new ConnectionFactory(new DatabaseOptions(DatabaseProvider.Postgres, database));
            await new Migrator(postgres).MigrateAsync();
            await BenchDatabases.ExecuteAsync(database, "CREATE TABLE bench_bars (LIKE market_data_1m INCLUDING ALL)");

            started = Stopwatch.GetTimestamp();
            WriteCsv(csv, Bars());
            Console.Error.WriteLine($"bars: CSV written ({new FileInfo(csv).Length / 1e6:N0} MB) in {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");
            copy = new Row("psql `\\copy bench_bars FROM csv` (baseline)", total, await CopyAsync(database, csv));
            rows.Add(copy);
            Console.Error.WriteLine($"bars: \\copy {copy.PerSecond:N0} rows/s");
            File.Delete(csv);

            var store = new RelationalBarStore(postgres);
            postgresImport = await ImportAsync("PostgreSQL: RelationalBarStore.WriteAsync (binary COPY straight into the table while the bars are new)", store, Bars());
            rows.Add(postgresImport);
            Console.Error.WriteLine($"bars: PostgreSQL import {postgresImport.PerSecond:N0} rows/s");
            // What autovacuum would soon do after a bulk load: statistics for the planner.
            await BenchDatabases.ExecuteAsync(database, "ANALYZE market_data_1m");
            rows.AddRange(await ReadTwiceAsync("PostgreSQL", store, names, from, to));
            rows.AddRange(await FloorTwiceAsync("psql `\\copy (the store's query) TO /dev/null (FORMAT binary)`", readCount,
                async () => await BarReadFloors.PostgresAsync(database, names, from, to)));
        }
        finally
        {
            File.Delete(csv);
            NpgsqlConnection.ClearAllPools();
            await BenchDatabases.DropAsync(admin, name);
        }

        if (postgresOnly)
        {
            Print(total, rows, copy, postgresImport, "SQLite and InfluxDB skipped (postgres only).");
            return 0;
        }

        // 2. SQLite: a fresh migrated file, the same store.
        var file = Path.Combine(Path.GetTempPath(), $"orchestrator-bars-bench-{Guid.NewGuid():N}.db");
        try
        {
            var sqlite = new ConnectionFactory(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file}"));
            await new Migrator(sqlite).MigrateAsync();
            var store = new RelationalBarStore(sqlite);
            rows.Add(await ImportAsync("SQLite: RelationalBarStore.WriteAsync (prepared upsert per row)", store, Bars()));
            Console.Error.WriteLine($"bars: SQLite import {rows[^1].PerSecond:N0} rows/s");
            rows.AddRange(await ReadTwiceAsync("SQLite", store, names, from, to));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            rows.AddRange(await FloorTwiceAsync("sqlite3 shell: the range's query to /dev/null", readCount, () => BarReadFloors.SqliteAsync(file, from, to)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(file + suffix);
            }
        }

        // 3. InfluxDB, when one answers: its own database, dropped at the end.
        string? influxNote = null;
        using (var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) })
        {
            if (!await PingAsync(http, influxUrl))
            {
                influxNote = $"InfluxDB skipped: nothing answers /ping at {influxUrl}.";
            }
            else
            {
                var influxDatabase = $"orchestrator_bench_{Guid.NewGuid():N}";
                try
                {
                    var store = new InfluxBarStore(http, influxUrl, influxDatabase, _ => SyntheticBarGenerator.Exchange);
                    rows.Add(await ImportAsync("InfluxDB: InfluxBarStore.WriteAsync (line protocol, 5,000 points per gzip POST)", store, Bars()));
                    Console.Error.WriteLine($"bars: InfluxDB import {rows[^1].PerSecond:N0} rows/s");
                    rows.AddRange(await ReadTwiceAsync("InfluxDB", store, names, from, to));
                    rows.AddRange(await FloorTwiceAsync("InfluxDB answering the store's query, body discarded", readCount,
                        async () => await BarReadFloors.InfluxAsync(http, influxUrl, influxDatabase, names, from, to)));
                }
                finally
                {
                    using var drop = new FormUrlEncodedContent([new("q", $"DROP DATABASE \"{influxDatabase}\"")]);
                    using var response = await http.PostAsync(new Uri(influxUrl, "query"), drop);
                    if (!response.IsSuccessStatusCode)
                    {
                        Console.Error.WriteLine($"Could not drop the InfluxDB database {influxDatabase}: {(int)response.StatusCode}. Drop it by hand.");
                    }
                }
            }
        }

        Print(total, rows, copy, postgresImport, influxNote);
        return 0;
    }

    private static void Print(long total, List<Row> rows, Row copy, Row postgresImport, string? note)
    {
        Console.WriteLine($"| Step ({total:N0} bars, {SymbolCount} symbols) | Rows | Seconds | Rows/s | Ratio to \\copy |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var ratio = row == copy ? "1.00" : row == postgresImport ? (postgresImport.PerSecond / copy.PerSecond).ToString("N2", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name}{(row.Note.Length > 0 ? $" ({row.Note})" : "")} | {row.Rows:N0} | {row.Seconds:N2} | {row.PerSecond:N0} | {ratio} |"));
        }

        var importRatio = postgresImport.PerSecond / copy.PerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Targets: PostgreSQL import >= 0.70 of \\copy: {importRatio:N2} ({(importRatio >= 0.7 ? "met" : "missed")}); streamed read of 1,000,000 bars under 1 s: see the read rows."));
        if (note is not null)
        {
            Console.WriteLine(note);
        }
    }

    /// <summary>A store's own floor for the read, measured twice as the read is; nothing when it cannot be measured here.</summary>
    private static async Task<List<Row>> FloorTwiceAsync(string name, long rows, Func<Task<double?>> measure)
    {
        var result = new List<Row>();
        for (var pass = 0; pass < 2 && await measure() is { } seconds; pass++)
        {
            result.Add(new Row($"{name}, the read's floor, {(pass == 0 ? "first" : "second")} run", rows, seconds, Verdict(rows / seconds)));
            Console.Error.WriteLine($"bars: {result[^1].Name}: {seconds:N2} s");
        }

        return result;
    }

    private static async Task<Row> ImportAsync(string name, IBarStore store, IEnumerable<StoredBar> bars)
    {
        var started = Stopwatch.GetTimestamp();
        var written = await store.WriteAsync(bars.ToAsyncEnumerable(), null, CancellationToken.None);
        return new Row(name, written, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The read twice: the first right after the import, the second with whatever the first left cached.</summary>
    private static async Task<Row[]> ReadTwiceAsync(string storeName, IBarStore store, string[] symbols, DateTimeOffset from, DateTimeOffset to)
    {
        var result = new Row[2];
        for (var pass = 0; pass < 2; pass++)
        {
            var started = Stopwatch.GetTimestamp();
            long count = 0;
            var last = DateTimeOffset.MinValue;
            await foreach (var bar in store.ReadAsync(symbols, from, to, CancellationToken.None))
            {
                if (bar.Start < last)
                {
                    throw new InvalidOperationException($"{storeName} read is out of time order at {bar.Symbol} {bar.Start:O}");
                }

                last = bar.Start;
                count++;
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            result[pass] = new Row($"{storeName}: ReadAsync in time order, {(pass == 0 ? "first" : "second")} read", count, seconds,
                Verdict(count / seconds));
            Console.Error.WriteLine($"bars: {result[pass].Name}: {count:N0} in {seconds:N2} s");
        }

        return result;
    }

    /// <summary>The read target, 1,000,000 bars in under 1 s, at this rate (a run with fewer bars scales its rate up).</summary>
    private static string Verdict(double rowsPerSecond)
    {
        var seconds = ReadRows / rowsPerSecond;
        return string.Create(CultureInfo.InvariantCulture,
            $"1,000,000 bars in {seconds:N2} s: {(seconds < 1 ? "target met" : $"target missed by {seconds - 1:N2} s")}");
    }

    /// <summary>The rows as PostgreSQL's CSV reads them into <c>market_data_1m</c>'s column order; an empty field is NULL.</summary>
    private static void WriteCsv(string path, IEnumerable<StoredBar> bars)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(160);
        foreach (var bar in bars)
        {
            line.Clear();
            line.Append(bar.Symbol).Append(',')
                .Append(bar.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("+00,")
                .Append(bar.Bar.Open.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.Bar.High.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.Bar.Low.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.Bar.Close.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(((long)decimal.Round(bar.Bar.Volume, 0, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture)).Append(',');
            Optional(line, bar.Vwap).Append(',');
            Optional(line, bar.Bid).Append(',');
            Optional(line, bar.Ask).Append(',');
            Optional(line, bar.BidSize).Append(',');
            Optional(line, bar.AskSize).Append('\n');
            writer.Write(line);
        }
    }

    private static StringBuilder Optional(StringBuilder line, decimal? value) =>
        value is { } v ? line.Append(v.ToString(CultureInfo.InvariantCulture)) : line;

    /// <summary>Seconds psql takes for <c>\copy bench_bars FROM csv</c> (the process's whole life, connection included).</summary>
    private static Task<double> CopyAsync(string connectionString, string csv) =>
        PsqlAsync(connectionString, $"\\copy bench_bars FROM '{csv}' WITH (FORMAT csv)");

    /// <summary>Runs one psql meta-command against the database; answers psql's whole run, in seconds.</summary>
    internal static async Task<double> PsqlAsync(string connectionString, string command)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(PsqlPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-X", "-v", "ON_ERROR_STOP=1", "-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username!,
                     "-d", target.Database!, "-c", command,
                 })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PGPASSWORD"] = target.Password;
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql exited with {process.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
        }

        return seconds;
    }

    private static async Task<bool> PingAsync(HttpClient http, Uri url)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            using var response = await http.GetAsync(new Uri(url, "ping"), cts.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
