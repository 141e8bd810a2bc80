using Microsoft.Extensions.Configuration;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Integration.Tests.MarketData;

/// <summary>InfluxDB 1.x against the relational store; each test uses its own database, dropped afterwards.</summary>
public sealed class InfluxBarStoreTests : IAsyncDisposable
{
    private const string UrlVariable = "ORCHESTRATOR_TEST_INFLUX_URL";

    private readonly HttpClient _http = new();
    private readonly string _database = $"orchestrator_test_{Guid.NewGuid():N}";
    private Uri? _url;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private InfluxBarStore CreateInflux()
    {
        _url = new Uri(TestEnvironment.Require(UrlVariable, "InfluxDB"));
        return new InfluxBarStore(_http, _url, _database, s => s == "BRK.B" ? "NYSE" : null);
    }

    [Fact]
    public async Task Influx_and_the_relational_store_return_identical_bars_for_the_same_write()
    {
        var influx = CreateInflux();
        await using var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var relational = new RelationalBarStore(db.Connections);
        var bars = BarFixtures.Generate(200);

        Assert.Equal(600, await influx.WriteAsync(BarFixtures.Stream(bars), null, Ct));
        await relational.WriteAsync(BarFixtures.Stream(bars), null, Ct);

        var from = BarFixtures.Origin.AddMinutes(15);
        var to = from.AddMinutes(100);
        string[] symbols = ["MSFT", "BRK.B"];
        var fromInflux = await influx.ReadAsync(symbols, from, to, Ct).ToListAsync(Ct);
        var fromRelational = await relational.ReadAsync(symbols, from, to, Ct).ToListAsync(Ct);

        Assert.Equal(200, fromRelational.Count);
        AssertSameBars(fromRelational, fromInflux);
        // Prices of at most 15 significant digits survive float64 exactly (see InfluxBarStore's remarks).
        Assert.Equal(fromRelational, fromInflux);
    }

    [Fact]
    public async Task Rewriting_overwrites_the_same_points_and_latest_is_the_last_minute()
    {
        var influx = CreateInflux();
        await influx.WriteAsync(BarFixtures.Stream(BarFixtures.Generate(2_000)), null, Ct);
        // 2,000 minutes x 3 symbols = 6,000 points: one batch of 5,000 and one of 1,000.
        var moved = BarFixtures.Generate(2_000, shift: 1.5m);
        var reports = new List<long>();
        await influx.WriteAsync(BarFixtures.Stream(moved), new SynchronousProgress(reports), Ct);

        var all = await influx.ReadAsync([], BarFixtures.Origin, BarFixtures.Origin.AddDays(2), Ct).ToListAsync(Ct);
        Assert.Equal([5_000L, 6_000L], reports);
        AssertSameBars(moved, all);
        Assert.Equal(moved.Last(b => b.Symbol == "AAPL"), await influx.LatestAsync("AAPL", Ct));
        Assert.Null(await influx.LatestAsync("NONE", Ct));
    }

    [Fact]
    public async Task The_archiving_store_writes_both_and_reads_the_primary()
    {
        var influx = CreateInflux();
        await using var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var relational = new RelationalBarStore(db.Connections);
        var store = new ArchivingBarStore(influx, relational);
        var bars = BarFixtures.Generate(30);

        Assert.Equal(90, await store.WriteAsync(BarFixtures.Stream(bars), null, Ct));

        var end = BarFixtures.Origin.AddHours(1);
        AssertSameBars(bars, await influx.ReadAsync([], BarFixtures.Origin, end, Ct).ToListAsync(Ct));
        Assert.Equal(bars, await relational.ReadAsync([], BarFixtures.Origin, end, Ct).ToListAsync(Ct));
        AssertSameBars(bars, await store.ReadAsync(BarFixtures.Symbols, BarFixtures.Origin, end, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task The_factory_picks_influx_as_primary_only_when_url_and_database_are_set()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        IConfiguration Config(params (string Key, string? Value)[] pairs) =>
            new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

        Assert.IsType<RelationalBarStore>(BarStoreFactory.Create(Config(), db.Connections, _http));
        Assert.IsType<RelationalBarStore>(BarStoreFactory.Create(Config(("Influx:Url", "http://127.0.0.1:8086")), db.Connections, _http));
        var archiving = Assert.IsType<ArchivingBarStore>(
            BarStoreFactory.Create(Config(("Influx:Url", "http://127.0.0.1:8086"), ("Influx:Database", "bars")), db.Connections, _http));
        Assert.IsType<InfluxBarStore>(archiving.Primary);
        Assert.IsType<RelationalBarStore>(archiving.Archive);
        Assert.Throws<ConfigurationException>(() =>
            BarStoreFactory.Create(Config(("Influx:Url", "not a url"), ("Influx:Database", "bars")), db.Connections, _http));
    }

    /// <summary>Same keys in the same order; prices equal within 1e-8 relative (InfluxDB keeps float64).</summary>
    private static void AssertSameBars(IReadOnlyList<StoredBar> expected, IReadOnlyList<StoredBar> actual)
    {
        Assert.Equal(expected.Select(b => (b.Symbol, b.Start, b.Period)), actual.Select(b => (b.Symbol, b.Start, b.Period)));
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            decimal?[] want = [e.Bar.Open, e.Bar.High, e.Bar.Low, e.Bar.Close, e.Bar.Volume, e.Vwap, e.Bid, e.Ask, e.BidSize, e.AskSize];
            decimal?[] got = [a.Bar.Open, a.Bar.High, a.Bar.Low, a.Bar.Close, a.Bar.Volume, a.Vwap, a.Bid, a.Ask, a.BidSize, a.AskSize];
            for (var f = 0; f < want.Length; f++)
            {
                Assert.Equal(want[f].HasValue, got[f].HasValue);
                if (want[f] is { } w && got[f] is { } g)
                {
                    Assert.True(Math.Abs(w - g) <= Math.Abs(w) * 1e-8m, $"{e.Symbol} {e.Start:O} field {f}: {w} vs {g}");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_url is not null)
        {
            using var content = new FormUrlEncodedContent([new("q", $"DROP DATABASE \"{_database}\"")]);
            using var response = await _http.PostAsync(new Uri(_url, "/query"), content);
        }

        _http.Dispose();
    }

    private sealed class SynchronousProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
