using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.MarketData;

public sealed class RelationalBarStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bars_read_back_in_time_order_with_ties_by_symbol_and_exact_values(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new RelationalBarStore(db.Connections);
        var bars = BarFixtures.Generate(120);
        var reports = new List<long>();

        var written = await store.WriteAsync(BarFixtures.Stream(bars), new SynchronousProgress(reports), Ct);

        Assert.Equal(360, written);
        Assert.Equal([360L], reports);
        // [14:40, 15:00) of two of the three symbols: minutes 10..29, AAPL before MSFT within each minute.
        var from = BarFixtures.Origin.AddMinutes(10);
        var read = await store.ReadAsync(["MSFT", "AAPL"], from, from.AddMinutes(20), Ct).ToListAsync(Ct);
        var expected = bars.Where(b => b.Symbol != "BRK.B" && b.Start >= from && b.Start < from.AddMinutes(20)).ToList();
        Assert.Equal(40, expected.Count);
        Assert.Equal(expected, read);
        Assert.All(read, b => Assert.Equal(TimeSpan.Zero, b.Start.Offset));

        // No symbols: every symbol.
        Assert.Equal(bars, await store.ReadAsync([], BarFixtures.Origin, BarFixtures.Origin.AddHours(2), Ct).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rewriting_bars_upserts_without_duplicating_and_updates_changed_values(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new RelationalBarStore(db.Connections);
        await store.WriteAsync(BarFixtures.Stream(BarFixtures.Generate(50)), null, Ct);

        // The same 150 bars again, the first 20 minutes' prices moved by +1: still 150 rows, with the new prices.
        var changed = BarFixtures.Generate(50).Select(b => b.Start < BarFixtures.Origin.AddMinutes(20) ? Shift(b, 1m) : b).ToList();
        await store.WriteAsync(BarFixtures.Stream(changed), null, Ct);
        // A key repeated within one write: the last one wins.
        var last = Shift(changed[^1], 2m);
        await store.WriteAsync(BarFixtures.Stream([changed[^1], last]), null, Ct);
        changed[^1] = last;

        Assert.Equal(150L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));
        Assert.Equal(changed, await store.ReadAsync(BarFixtures.Symbols, BarFixtures.Origin, BarFixtures.Origin.AddHours(1), Ct).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_write_larger_than_a_batch_commits_batch_by_batch_and_reports_each(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new RelationalBarStore(db.Connections);
        var reports = new List<long>();

        // 20,000 minutes x 3 symbols = 60,000 bars: one full batch of 50,000 and one of 10,000.
        var written = await store.WriteAsync(BarFixtures.Stream(BarFixtures.Generate(20_000)), new SynchronousProgress(reports), Ct);

        Assert.Equal(60_000, written);
        Assert.Equal([50_000L, 60_000L], reports);
        Assert.Equal(60_000L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));
        var count = 0L;
        await foreach (var _ in store.ReadAsync(BarFixtures.Symbols, BarFixtures.Origin, BarFixtures.Origin.AddDays(30), Ct))
        {
            count++;
        }

        Assert.Equal(60_000L, count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_write_whose_later_batch_meets_stored_bars_upserts_them_and_keeps_the_new_ones(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new RelationalBarStore(db.Connections);
        // Minutes 17,000 to 19,999 first (9,000 rows), then all 20,000 minutes 1.00 higher (60,000 rows): the first
        // batch (minutes 0 to 16,666) is all new, so PostgreSQL COPYs it straight into the table; the second (minutes
        // 16,666 to 19,999) meets the 9,000 stored rows, so its COPY rolls back and it is upserted instead.
        await store.WriteAsync(BarFixtures.Stream(BarFixtures.Generate(20_000).Skip(51_000)), null, Ct);
        var reports = new List<long>();

        var written = await store.WriteAsync(BarFixtures.Stream(BarFixtures.Generate(20_000, shift: 1m)), new SynchronousProgress(reports), Ct);

        Assert.Equal(60_000, written);
        Assert.Equal([50_000L, 60_000L], reports);
        Assert.Equal(60_000L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));
        // Every row has the second write's prices: minute m of symbol s opens at 101 + 50 s + 0.01 m.
        var expected = BarFixtures.Generate(20_000, shift: 1m);
        var read = await store.ReadAsync(BarFixtures.Symbols, BarFixtures.Origin, BarFixtures.Origin.AddDays(30), Ct).ToListAsync(Ct);
        Assert.Equal(expected, read);
        Assert.Equal(101m + 50m + 199.99m, read.Single(b => b.Symbol == "BRK.B" && b.Start == BarFixtures.Origin.AddMinutes(19_999)).Bar.Open);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Latest_is_the_symbols_most_recent_bar(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new RelationalBarStore(db.Connections);
        var bars = BarFixtures.Generate(30);
        await store.WriteAsync(BarFixtures.Stream(bars), null, Ct);

        Assert.Equal(bars.Last(b => b.Symbol == "BRK.B"), await store.LatestAsync("BRK.B", Ct));
        Assert.Null(await store.LatestAsync("NONE", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_read_merges_the_requested_symbols_in_time_order_once_each(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new RelationalBarStore(db.Connections);
        // Sparse series: MSFT every minute, AAPL every second minute, BRK.B every third, over 12 minutes.
        var bars = BarFixtures.Generate(12).Where(b => (b.Start - BarFixtures.Origin).Minutes % (Array.IndexOf(BarFixtures.Symbols, b.Symbol) switch { 0 => 2, 1 => 3, _ => 1 }) == 0).ToList();
        await store.WriteAsync(BarFixtures.Stream(bars), null, Ct);

        // Asked twice for MSFT, once for a symbol with no bars, in no order: each bar once, by (start, symbol).
        var read = await store.ReadAsync(["MSFT", "NONE", "BRK.B", "MSFT", "AAPL"], BarFixtures.Origin, BarFixtures.Origin.AddMinutes(12), Ct).ToListAsync(Ct);

        Assert.Equal(12 + 6 + 4, read.Count);
        Assert.Equal(bars, read);
        Assert.Equal(["AAPL", "BRK.B", "MSFT", "MSFT", "AAPL", "MSFT"], read.Take(6).Select(b => b.Symbol));
    }

    [Fact]
    public async Task Sqlite_rows_in_forms_other_than_the_stores_own_still_read_back()
    {
        await using var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        // Numbers stored as REAL and INTEGER, an 8-digit fraction, an exponent and 19 digits: the general parsers' cases.
        await db.ExecuteAsync(
            """
            INSERT INTO market_data_1m (symbol, timestamp, open_price, high_price, low_price, close_price, volume, vwap, bid, ask, bid_size, ask_size)
            VALUES ('ODD', '2026-03-06 14:30:00.00000000', 1.5, 2, '1E-2', '1234567890.123456789', NULL, NULL, '0.5', NULL, 7, NULL)
            """);
        var store = new RelationalBarStore(db.Connections);

        var bar = Assert.Single(await store.ReadAsync(["ODD"], BarFixtures.Origin, BarFixtures.Origin.AddMinutes(1), Ct).ToListAsync(Ct));

        Assert.Equal(new Bar("ODD", BarFixtures.Origin, TimeSpan.FromMinutes(1), 1.5m, 2m, 0.01m, 1234567890.123456789m, 0m), bar.Bar);
        Assert.Equal((null, 0.5m, null, 7m, null), (bar.Vwap, bar.Bid, bar.Ask, bar.BidSize, bar.AskSize));
        Assert.Equal(TimeSpan.Zero, bar.Start.Offset);
        // The same row through the all-symbols query (no symbol filter) too.
        Assert.Equal(bar, Assert.Single(await store.ReadAsync([], BarFixtures.Origin, BarFixtures.Origin.AddMinutes(1), Ct).ToListAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_written_raw_read_back_identically_through_the_ef_model(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new RelationalBarStore(db.Connections);
        var bars = BarFixtures.Generate(4);
        await store.WriteAsync(BarFixtures.Stream(bars), null, Ct);

        await using (var context = db.CreateContext())
        {
            var rows = await context.MarketData1m.AsNoTracking().OrderBy(r => r.Timestamp).ThenBy(r => r.Symbol).ToListAsync(Ct);
            Assert.Equal(bars.Select(b => Row(ToEntity(b))), rows.Select(Row));
            Assert.All(rows, r => Assert.Equal(DateTimeKind.Utc, r.Timestamp.Kind));

            // A row EF writes and the store's row of the same values are stored identically (text formats on SQLite).
            var twin = ToEntity(bars[0]);
            twin.Symbol = "TWIN";
            context.MarketData1m.Add(twin);
            await context.SaveChangesAsync(Ct);
        }

        var raw = await db.QueryAsync(
            "SELECT symbol, CAST(timestamp AS TEXT), CAST(open_price AS TEXT), CAST(high_price AS TEXT), CAST(vwap AS TEXT), CAST(bid AS TEXT), CAST(volume AS TEXT), CAST(bid_size AS TEXT) FROM market_data_1m WHERE symbol IN ('AAPL', 'TWIN') ORDER BY timestamp LIMIT 2",
            r => string.Join("|", Enumerable.Range(1, 7).Select(i => r.IsDBNull(i) ? "NULL" : r.GetString(i))));
        Assert.Equal(raw[0], raw[1]);

        // And the EF-written row reads back through the store.
        Assert.Equal(bars[0] with { Bar = bars[0].Bar with { Symbol = "TWIN" } }, await store.LatestAsync("TWIN", Ct));
    }

    private static StoredBar Shift(StoredBar bar, decimal by) =>
        bar with { Bar = bar.Bar with { Open = bar.Bar.Open + by, High = bar.Bar.High + by, Low = bar.Bar.Low + by, Close = bar.Bar.Close + by }, Bid = bar.Bid + by };

    private static MinuteBar ToEntity(StoredBar bar) => new()
    {
        Symbol = bar.Symbol,
        Timestamp = bar.Start.UtcDateTime,
        OpenPrice = bar.Bar.Open,
        HighPrice = bar.Bar.High,
        LowPrice = bar.Bar.Low,
        ClosePrice = bar.Bar.Close,
        Volume = (long)bar.Bar.Volume,
        Vwap = bar.Vwap,
        Bid = bar.Bid,
        Ask = bar.Ask,
        BidSize = (int?)bar.BidSize,
        AskSize = (int?)bar.AskSize,
    };

    private static (string, DateTime, decimal, decimal, decimal, decimal, long?, decimal?, decimal?, decimal?, int?, int?) Row(MinuteBar r) =>
        (r.Symbol, r.Timestamp, r.OpenPrice, r.HighPrice, r.LowPrice, r.ClosePrice, r.Volume, r.Vwap, r.Bid, r.Ask, r.BidSize, r.AskSize);

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants the reports in order, at once.</summary>
    private sealed class SynchronousProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
