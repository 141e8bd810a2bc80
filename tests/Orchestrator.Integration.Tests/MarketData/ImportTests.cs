using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.MarketData;

/// <summary><c>orchestrator data import</c> and <c>data bars</c>, run as real processes, on Lean zips and CSV.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orchestrator-import-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_lean_trade_and_quote_pair_imports_exact_prices_and_utc_times_once(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        await TestSymbols.AddAsync(db, ["AAPL"]);
        var minute = Path.Combine(_folder, "equity", "usa", "minute", "aapl");
        Directory.CreateDirectory(minute);
        // 2013-10-07 is EDT (UTC-4). 34,200,000 ms = 09:30 -> 13:30 UTC; 34,260,000 ms = 09:31 -> 13:31 UTC.
        // Prices in deci-cents: 1,644,000 / 10,000 = 164.4.
        Zip(Path.Combine(minute, "20131007_trade.zip"), "20131007_aapl_minute_trade.csv",
            "34200000,1644000,1645000,1643000,1644500,12345", "34260000,1644500,1646000,1644400,1645900,6789");
        // The 09:31 quote: BidClose 1,645,800 -> 164.58, AskClose 1,646,000 -> 164.6, sizes 300 and 500.
        Zip(Path.Combine(minute, "20131007_quote.zip"), "20131007_aapl_minute_quote.csv",
            "34260000,1645700,1645900,1645600,1645800,300,1645900,1646100,1645800,1646000,500");

        var first = await CliRunner.RunAsync(["data", "import", Path.Combine(_folder, "equity"), .. db.Switches]);
        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Contains("2 bars imported from 2 files; 0 rows refused.", first.StandardOutput, StringComparison.Ordinal);
        var again = await CliRunner.RunAsync(["data", "import", Path.Combine(_folder, "equity"), .. db.Switches]);
        Assert.Equal(0, again.ExitCode);

        await using var context = db.CreateContext();
        var rows = await context.MarketData1m.AsNoTracking().OrderBy(b => b.Timestamp).ToListAsync(Ct);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("AAPL", new DateTime(2013, 10, 7, 13, 30, 0, DateTimeKind.Utc), 164.4m, 164.5m, 164.3m, 164.45m, 12345L),
            (rows[0].Symbol, rows[0].Timestamp, rows[0].OpenPrice, rows[0].HighPrice, rows[0].LowPrice, rows[0].ClosePrice, rows[0].Volume!.Value));
        Assert.Null(rows[0].Bid);
        Assert.Equal((new DateTime(2013, 10, 7, 13, 31, 0, DateTimeKind.Utc), 164.58m, 164.6m, 300, 500),
            (rows[1].Timestamp, rows[1].Bid!.Value, rows[1].Ask!.Value, rows[1].BidSize!.Value, rows[1].AskSize!.Value));
    }

    [Fact]
    public async Task Strict_mode_imports_nothing_from_a_file_with_one_bad_row_and_names_the_line()
    {
        await using var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await TestSymbols.AddAsync(db, ["ACME"]);
        var csv = Path.Combine(_folder, "acme.csv");
        await File.WriteAllLinesAsync(csv, ["time,open,high,low,close,volume", "2026-07-01 09:30,10,11,9,10.5,100", "2026-07-01 09:31,10.5,oops,9,10,100", "2026-07-01 09:32,10,11,9,10.5,100"], Ct);

        var strict = await CliRunner.RunAsync(["data", "import", csv, "--symbol", "ACME", "--time-zone", "America/New_York", "--strict", .. db.Switches]);
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains($"{csv}:3: high 'oops' is not a positive number.", strict.StandardError, StringComparison.Ordinal);
        Assert.Contains("Nothing imported (--strict): 1 rows refused in 1 files.", strict.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));

        // Without --strict the two good rows go in and the bad one is reported.
        var lenient = await CliRunner.RunAsync(["data", "import", csv, "--symbol", "ACME", "--time-zone", "America/New_York", .. db.Switches]);
        Assert.Equal(2, lenient.ExitCode);
        Assert.Contains("2 bars imported from 1 files; 1 rows refused.", lenient.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));

        // 09:30 and 09:32 New York in July (EDT) are 13:30 and 13:32 UTC; as 5-minute bars they are one bar at
        // 13:30: open 10 (first), high 11, low 9, close 10.5 (last), volume 200, VWAP (H+L+C)/3 = 10.1666... for both.
        var bars = await CliRunner.RunAsync(["data", "bars", "acme", "--from", "2026-07-01T13:00:00Z", "--to", "2026-07-01T14:00:00Z", "--interval", "5m", .. db.Switches]);
        Assert.Equal(0, bars.ExitCode);
        Assert.Equal(["time,symbol,open,high,low,close,volume,vwap", "2026-07-01T13:30:00Z,ACME,10,11,9,10.5,200,10.16666667"],
            bars.StandardOutput.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray());
    }

    [Fact]
    public async Task Bars_of_symbols_outside_the_universe_are_not_imported_and_the_warning_names_them_and_how_to_add_them()
    {
        await using var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await TestSymbols.AddAsync(db, ["ACME"]);
        var csv = Path.Combine(_folder, "mixed.csv");
        await File.WriteAllLinesAsync(csv, ["time,symbol,open,high,low,close,volume", "2026-07-01T13:30:00Z,ACME,10,11,9,10.5,100",
            "2026-07-01T13:30:00Z,APPL,10,11,9,10.5,100", "2026-07-01T13:31:00Z,appl,10,11,9,10.5,100", "2026-07-01T13:30:00Z,ZZZ,1,1,1,1,1"], Ct);
        const string warning = "Not in the symbol universe, so not imported: APPL (2 bars), ZZZ (1 bars). "
            + "Add each with 'orchestrator data symbols set APPL --exchange E --asset-class C' and import again.";

        // --strict: nothing at all is written.
        var strict = await CliRunner.RunAsync(["data", "import", csv, "--strict", .. db.Switches]);
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains(warning, strict.StandardError, StringComparison.Ordinal);
        Assert.Contains("Nothing imported (--strict): 0 rows refused in 1 files; 3 bars of 2 symbols not in the universe.", strict.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));

        // Without it, the universe's symbol is imported and the others are left out, with the same warning and exit 2.
        var lenient = await CliRunner.RunAsync(["data", "import", csv, .. db.Switches]);
        Assert.Equal(2, lenient.ExitCode);
        Assert.Contains(warning, lenient.StandardError, StringComparison.Ordinal);
        Assert.Contains("1 bars imported from 1 files; 0 rows refused; 3 bars of 2 symbols not in the universe.", lenient.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["ACME"], await db.QueryAsync("SELECT DISTINCT symbol FROM market_data_1m", r => r.GetString(0)));

        // Set, then imported: nothing else needed.
        var set = await CliRunner.RunAsync(["data", "symbols", "set", "APPL", "--exchange", "TEST", "--asset-class", "EQUITY", .. db.Switches]);
        Assert.True(set.ExitCode == 0, set.StandardError);
        var again = await CliRunner.RunAsync(["data", "import", csv, .. db.Switches]);
        Assert.Contains("Not in the symbol universe, so not imported: ZZZ (1 bars).", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));
    }

    [Fact]
    public async Task Add_symbols_puts_the_missing_symbols_in_the_universe_and_imports_their_bars()
    {
        await using var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await TestSymbols.AddAsync(db, ["ACME"]);
        var csv = Path.Combine(_folder, "new-symbols.csv");
        await File.WriteAllLinesAsync(csv, ["time,symbol,open,high,low,close,volume", "2026-07-01T13:30:00Z,ACME,10,11,9,10.5,100",
            "2026-07-01T13:30:00Z,NEWA,10,11,9,10.5,100", "2026-07-01T13:31:00Z,NEWA,10,11,9,10.5,100", "2026-07-01T13:30:00Z,NEWB,1,1,1,1,1"], Ct);

        // Refused before anything is read: the options it needs, then a bad asset class (the service's own check).
        var bare = await CliRunner.RunAsync(["data", "import", csv, "--add-symbols", .. db.Switches]);
        Assert.Equal((2, "orchestrator: --add-symbols: needs --exchange and --asset-class for the symbols it adds."), (bare.ExitCode, bare.StandardError.Trim()));
        var badClass = await CliRunner.RunAsync(["data", "import", csv, "--add-symbols", "--exchange", "TEST", "--asset-class", "STOCK", .. db.Switches]);
        Assert.Equal(2, badClass.ExitCode);
        Assert.Contains("orchestrator: --asset-class: must be one of EQUITY, FOREX, CRYPTO, COMMODITY, FUTURES.", badClass.StandardError, StringComparison.Ordinal);
        Assert.Equal(["ACME"], await db.QueryAsync("SELECT symbol FROM market_symbols", r => r.GetString(0)));

        // ACME's bar in the first pass, NEWA's two and NEWB's one in the second: 4 in all, nothing left out.
        var added = await CliRunner.RunAsync(["data", "import", csv, "--add-symbols", "--exchange", "TEST", "--asset-class", "EQUITY", .. db.Switches]);
        Assert.True(added.ExitCode == 0, added.StandardError);
        Assert.Contains("Added NEWA to the symbol universe (TEST, EQUITY).", added.StandardError, StringComparison.Ordinal);
        Assert.Contains("Added NEWB to the symbol universe (TEST, EQUITY).", added.StandardError, StringComparison.Ordinal);
        Assert.Contains("4 bars imported from 1 files; 0 rows refused.", added.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["ACME", "NEWA", "NEWB"], await db.QueryAsync("SELECT symbol FROM market_symbols ORDER BY symbol", r => r.GetString(0)));
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'SYMBOL_CREATED' AND resource_id IN ('NEWA', 'NEWB')"));

        // --strict as well: the first pass writes nothing (bars outside the universe), the second takes all four at once.
        await using var strictDb = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await TestSymbols.AddAsync(strictDb, ["ACME"]);
        var strict = await CliRunner.RunAsync(["data", "import", csv, "--strict", "--add-symbols", "--exchange", "TEST", "--asset-class", "EQUITY", .. strictDb.Switches]);
        Assert.True(strict.ExitCode == 0, strict.StandardError);
        Assert.Equal(4L, await strictDb.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));
    }

    private static void Zip(string path, string entryName, params string[] lines)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(archive.CreateEntry(entryName).Open());
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }
}
