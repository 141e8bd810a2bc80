using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Strategies;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Backtests;

/// <summary>Backtests over the API: a background job with progress, the result stored beside the seed's columns, ownership.</summary>
public sealed class BacktestsApiTests
{
    /// <summary>The crossover series of the domain test: SMA(2) crosses above SMA(3) at bar 9 and below at bar 12.</summary>
    private static readonly decimal[] Closes = [10, 10, 10, 11, 12, 11, 10, 9, 10, 11, 12, 10, 9];

    private static readonly DateTimeOffset Open = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_queued_backtest_runs_in_the_background_and_stores_its_statistics_equity_and_trades(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await StrategyKit.StartAsync(server);
        await SeedBarsAsync(server);
        var strategy = await kit.CreateAsync(new
        {
            template = "ma-crossover",
            name = "Fast cross",
            parameters = new { moving_averages = new { short_period = 2, long_period = 3 }, allocation = 0.5 },
        });
        var strategyId = strategy.GetProperty("strategyId").GetGuid();

        var response = await kit.Client.PostAsJsonAsync("/api/v1/backtests", new
        {
            strategyId, symbols = new[] { "xyz" }, from = "2024-01-02", to = "2024-01-02", initialCapital = 10_000, fees = "none", slippage = "none",
        }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal($"/api/v1/backtests/runs/{run.GetProperty("runId").GetGuid()}", response.Headers.Location!.ToString());

        var done = await WaitAsync(kit, response.Headers.Location.ToString());
        Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
        Assert.Equal(1m, done.GetProperty("progress").GetDecimal());
        var backtestId = done.GetProperty("backtestId").GetGuid();

        // Buy 5,000 / 11 = 454 shares at bar 9 (close 11), sell them at bar 12 (close 9): -2 x 454 = -908, no fees.
        var backtest = await kit.GetAsync($"/api/v1/backtests/{backtestId}");
        var summary = backtest.GetProperty("summary");
        Assert.Equal((10_000m, 9_092m, -0.0908m, 1, 0, 1, -908m), (summary.GetProperty("initialCapital").GetDecimal(), summary.GetProperty("finalValue").GetDecimal(),
            summary.GetProperty("totalReturn").GetDecimal(), summary.GetProperty("totalTrades").GetInt32(), summary.GetProperty("winningTrades").GetInt32(),
            summary.GetProperty("losingTrades").GetInt32(), summary.GetProperty("largestLoss").GetDecimal()));
        var statistics = backtest.GetProperty("statistics");
        Assert.Equal(2, statistics.GetProperty("Total Orders").GetInt32());
        Assert.Equal(9_092m, statistics.GetProperty("End Equity").GetDecimal());
        Assert.Equal(0m, statistics.GetProperty("Total Fees").GetDecimal());
        var trade = Assert.Single(backtest.GetProperty("trades").EnumerateArray());
        Assert.Equal(("XYZ", "Long", 454m, 11m, 9m, -908m), (trade.GetProperty("symbol").GetString(), trade.GetProperty("direction").GetString(),
            trade.GetProperty("quantity").GetDecimal(), trade.GetProperty("entryPrice").GetDecimal(), trade.GetProperty("exitPrice").GetDecimal(),
            trade.GetProperty("profitLoss").GetDecimal()));
        // The curve: the start, then the one day's close.
        var curve = backtest.GetProperty("equityCurve").EnumerateArray().Select(p => p.GetProperty("equity").GetDecimal()).ToList();
        Assert.Equal([10_000m, 9_092m], curve);
        Assert.Equal(2, backtest.GetProperty("parameters").GetProperty("moving_averages").GetProperty("short_period").GetInt32());
        Assert.Equal("none", backtest.GetProperty("settings").GetProperty("fees").GetString());

        var listed = await kit.GetAsync($"/api/v1/backtests?strategyId={strategyId}");
        Assert.Equal(backtestId, Assert.Single(listed.EnumerateArray()).GetProperty("backtestId").GetGuid());

        await using var db = server.Db.CreateContext();
        Assert.Single(await db.AuditLog.AsNoTracking().Where(a => a.Action == "BACKTEST_QUEUED" && a.UserId == kit.User.UserId).ToListAsync(Ct));
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_other_users_see_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await StrategyKit.StartAsync(server);
        await SeedBarsAsync(server);
        var strategyId = (await kit.CreateAsync(new { template = "buy-and-hold", name = "Hold" })).GetProperty("strategyId").GetGuid();

        async Task<JsonElement> Invalid(object body) =>
            await Problems.AssertProblemAsync(await kit.Client.PostAsJsonAsync("/api/v1/backtests", body, Ct), HttpStatusCode.UnprocessableEntity, "validation");

        Assert.True((await Invalid(new { strategyId, symbols = new[] { "NOPE" }, from = "2024-01-02", to = "2024-01-02" })).GetProperty("errors").TryGetProperty("symbols", out _));
        Assert.True((await Invalid(new { strategyId, symbols = new[] { "XYZ" }, from = "2024-01-02", to = "2024-01-02", fees = "per-share" })).GetProperty("errors").TryGetProperty("fees", out _));
        Assert.True((await Invalid(new { strategyId, symbols = new[] { "XYZ" }, from = "2024-01-03", to = "2024-01-02" })).GetProperty("errors").TryGetProperty("to", out _));
        // Slippage of the whole price once was accepted (202) and the run then FAILED on a negative fill price.
        var slippage = await Invalid(new { strategyId, symbols = new[] { "XYZ" }, from = "2024-01-02", to = "2024-01-02", slippage = "2" });
        Assert.Equal("2 is out of range: a fraction of the price from 0 to 0.5", slippage.GetProperty("errors").GetProperty("slippage")[0].GetString());
        var fees = await Invalid(new { strategyId, symbols = new[] { "XYZ" }, from = "2024-01-02", to = "2024-01-02", fees = "percentage:1" });
        Assert.Equal("percentage:1 is out of range: a fraction of the fill's value from 0 to 0.5", fees.GetProperty("errors").GetProperty("fees")[0].GetString());
        // The calendar's last days were accepted (202) and the run then FAILED on "Value to add was out of range".
        var farOff = await Invalid(new { strategyId, symbols = new[] { "XYZ" }, from = "9999-12-30", to = "9999-12-31" });
        Assert.Equal(("must be in the years 1900 to 2200", "must be in the years 1900 to 2200"),
            (farOff.GetProperty("errors").GetProperty("from")[0].GetString(), farOff.GetProperty("errors").GetProperty("to")[0].GetString()));
        var parameter = await Invalid(new { strategyId, symbols = new[] { "XYZ" }, from = "2024-01-02", to = "2024-01-02", parameters = new { allocation = 2 } });
        Assert.True(parameter.GetProperty("errors").TryGetProperty("parameters.allocation", out _));

        var other = await StrategyKit.StartAsync(server, "someone-else@example.com");
        await Problems.AssertProblemAsync(
            await other.Client.PostAsJsonAsync("/api/v1/backtests", new { strategyId, symbols = new[] { "XYZ" }, from = "2024-01-02", to = "2024-01-02" }, Ct),
            HttpStatusCode.NotFound, "not-found");

        var queued = await kit.Client.PostAsJsonAsync("/api/v1/backtests", new { strategyId, symbols = new[] { "XYZ" }, from = "2024-01-02", to = "2024-01-02" }, Ct);
        var done = await WaitAsync(kit, queued.Headers.Location!.ToString());
        await Problems.AssertProblemAsync(await other.Client.GetAsync(queued.Headers.Location, Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.Client.GetAsync($"/api/v1/backtests/{done.GetProperty("backtestId").GetGuid()}", Ct), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, (await other.GetAsync("/api/v1/backtests")).GetArrayLength());
    }

    [Fact]
    public async Task Runs_left_queued_by_a_stopped_server_run_when_the_next_one_starts()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid runId;
        await using (var first = await ApiServer.StartAsync(db, ownsDatabase: false))
        {
            var kit = await StrategyKit.StartAsync(first);
            await SeedBarsAsync(first);
            var strategyId = (await kit.CreateAsync(new { template = "buy-and-hold", name = "Hold" })).GetProperty("strategyId").GetGuid();

            // A run accepted but never started (as if the process died right after acknowledging it).
            await using var context = db.CreateContext();
            runId = Guid.CreateVersion7();
            context.BacktestRuns.Add(new BacktestRun
            {
                RunId = runId, UserId = kit.User.UserId, StrategyId = strategyId, CreatedAt = DateTime.UtcNow,
                Request = JsonSerializer.Serialize(new { strategyId, symbols = new[] { "XYZ" }, from = "2024-01-02", to = "2024-01-02" }),
            });
            await context.SaveChangesAsync(Ct);
        }

        await using var second = await ApiServer.StartAsync(db, ownsDatabase: false);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        BacktestRun row;
        do
        {
            await Task.Delay(100, Ct);
            await using var context = db.CreateContext();
            row = await context.BacktestRuns.AsNoTracking().SingleAsync(r => r.RunId == runId, Ct);
        }
        while (row.Status != "COMPLETED" && DateTime.UtcNow < deadline);

        Assert.Equal("COMPLETED", row.Status);
        Assert.NotNull(row.BacktestId);
    }

    private static async Task SeedBarsAsync(ApiServer server)
    {
        await using (var db = server.Db.CreateContext())
        {
            db.MarketSymbols.Add(new MarketSymbol { Symbol = "XYZ", Exchange = "SYNTH", AssetClass = "EQUITY", Currency = "USD", TickSize = 0.01m, IsActive = true });
            await db.SaveChangesAsync(Ct);
        }

        var store = server.App.Services.GetRequiredService<IBarStore>();
        await store.WriteAsync(Stream(), null, Ct);

        static async IAsyncEnumerable<StoredBar> Stream()
        {
            for (var i = 0; i < Closes.Length; i++)
            {
                var c = Closes[i];
                yield return new StoredBar(new Bar("XYZ", Open.AddMinutes(i), TimeSpan.FromMinutes(1), c, c, c, c, 1_000_000m));
            }

            await Task.CompletedTask;
        }
    }

    private static async Task<JsonElement> WaitAsync(StrategyKit kit, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = await kit.GetAsync(location);
            var status = run.GetProperty("status").GetString();
            if (status is "COMPLETED" or "FAILED" || DateTime.UtcNow > deadline)
            {
                Assert.True(status == "COMPLETED", run.ToString());
                return run;
            }

            await Task.Delay(50, Ct);
        }
    }
}
