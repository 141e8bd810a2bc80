using System.Net;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;

namespace Orchestrator.Integration.Tests.MarketData;

/// <summary>The symbol universe: set by the CLI, read through the API, used by the engine (sessions, tick size).</summary>
public sealed class SymbolsTests
{
    private const string LondonHours = """{"timeZone":"Europe/London","sessions":{"MON":[["08:00","16:30"]],"TUE":[["08:00","16:30"]],"WED":[["08:00","16:30"]],"THU":[["08:00","16:30"]],"FRI":[["08:00","16:30"]]},"holidays":["2026-12-25"]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_cli_sets_a_symbol_that_the_running_server_then_serves_and_trades_by()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);

        var set = await CliRunner.RunAsync(["data", "symbols", "set", "vod.l", "--exchange", "LSE", "--asset-class", "EQUITY", "--currency", "GBP",
            "--tick-size", "0.05", "--sector", "Communication", "--trading-hours", LondonHours, .. server.Db.Switches]);
        Assert.True(set.ExitCode == 0, set.StandardError);
        Assert.Equal("VOD.L set (LSE, EQUITY, GBP).", set.StandardOutput.Trim());

        var listed = await CliRunner.RunAsync(["data", "symbols", .. server.Db.Switches]);
        Assert.Matches(@"VOD\.L\s+│\s+LSE\s+│\s+EQUITY\s+│\s+GBP\s+│\s+0\.05\s+│\s+Communication\s+│\s+Europe/London\s+│\s+yes", listed.StandardOutput);

        var symbol = await kit.GetAsync("/api/v1/symbols/VOD.L");
        Assert.Equal("LSE", symbol.GetProperty("exchange").GetString());
        Assert.Equal("Europe/London", symbol.GetProperty("tradingHours").GetProperty("timeZone").GetString());

        // Thursday 2026-07-16 at 15:00 UTC is 16:00 in London (BST, UTC+1): open, closing at 16:30 BST = 15:30 UTC.
        var open = await kit.GetAsync("/api/v1/symbols/VOD.L/session?at=2026-07-16T15:00:00Z");
        Assert.True(open.GetProperty("isOpen").GetBoolean());
        Assert.Equal(DateTimeOffset.Parse("2026-07-16T15:30:00Z", System.Globalization.CultureInfo.InvariantCulture), open.GetProperty("sessionClose").GetDateTimeOffset());
        // Christmas Day is a holiday: closed, and the next session closes on Monday the 28th at 16:30 GMT.
        var holiday = await kit.GetAsync("/api/v1/symbols/VOD.L/session?at=2026-12-25T12:00:00Z");
        Assert.False(holiday.GetProperty("isOpen").GetBoolean());
        Assert.Equal(DateTimeOffset.Parse("2026-12-28T16:30:00Z", System.Globalization.CultureInfo.InvariantCulture), holiday.GetProperty("sessionClose").GetDateTimeOffset());

        // The CLI ran in another process: the server's directory picks the symbol and its tick size up within its
        // refresh (5 s); until then the order is refused for its symbol, which the directory does not list yet.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpResponseMessage offTick;
        do
        {
            await Task.Delay(250, Ct);
            offTick = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "VOD.L", side = "BUY", orderType = "LIMIT", quantity = 10, limitPrice = 72.33m, timeInForce = "GTC" });
        }
        while ((await offTick.Content.ReadAsStringAsync(Ct)).Contains("'VOD.L' is not in the symbol universe", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        var problem = await Problems.AssertProblemAsync(offTick, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal("limitPrice: must be a multiple of VOD.L's tick size 0.05.", problem.GetProperty("detail").GetString());
        var onTick = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "VOD.L", side = "BUY", orderType = "LIMIT", quantity = 10, limitPrice = 72.35m, timeInForce = "GTC" });
        Assert.Equal(HttpStatusCode.Created, onTick.StatusCode);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("2201-01-01T00:00:00Z")]
    [InlineData("1899-12-31T23:59:59Z")]
    public async Task A_session_instant_outside_the_years_1900_to_2200_is_a_422_naming_at(string at)
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client(bearer: (await server.RegisterAndLoginAsync("reader@example.com")).AccessToken);

        var problem = await Problems.AssertProblemAsync(await client.GetAsync($"/api/v1/symbols/SYN001/session?at={at}", Ct), HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal("at: must be in the years 1900 to 2200: from 1900-01-01T00:00:00Z, before 2201-01-01T00:00:00Z.", problem.GetProperty("detail").GetString());

        // The range's own ends are answered.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/symbols/SYN001/session?at=1900-01-01T00:00:00Z", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/symbols/SYN001/session?at=2200-12-31T23:59:59Z", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_bad_symbol_names_each_field_and_exits_2_storing_nothing()
    {
        await using var db = await TestDatabase.CreateAsync(Storage.Configuration.DatabaseProvider.Sqlite);
        var bad = await CliRunner.RunAsync(["data", "symbols", "set", "ACME", "--asset-class", "STOCK", "--tick-size", "-1",
            "--trading-hours", """{"timeZone":"Mars/Olympus","sessions":{}}""", .. db.Switches]);
        Assert.Equal(2, bad.ExitCode);
        // Each line names the option the caller typed, not the API's field (--asset-class, not assetClass).
        Assert.Contains("--exchange: is required", bad.StandardError, StringComparison.Ordinal);
        Assert.Contains("--asset-class: must be one of EQUITY, FOREX, CRYPTO, COMMODITY, FUTURES.", bad.StandardError, StringComparison.Ordinal);
        Assert.Contains("--tick-size: must be positive, below 100, with at most 8 decimals.", bad.StandardError, StringComparison.Ordinal);
        Assert.Contains("--trading-hours: ", bad.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("assetClass", bad.StandardError, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        Assert.Equal(0, await context.MarketSymbols.CountAsync(Ct));
    }

    [Fact]
    public async Task Trading_hours_are_read_from_an_at_file_and_a_missing_or_bad_file_names_the_option()
    {
        // The parser once expanded '@FILE' as a response file: a missing one was "Response file not found" (exit 1 and
        // the help text), an existing one was split into words and then was not valid JSON.
        await using var db = await TestDatabase.CreateAsync(Storage.Configuration.DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("orchestrator-hours-").FullName;
        try
        {
            var hours = Path.Combine(folder, "london hours.json");
            await File.WriteAllTextAsync(hours, LondonHours, Ct);
            var bad = Path.Combine(folder, "bad.json");
            await File.WriteAllTextAsync(bad, "{nope", Ct);
            var missing = Path.Combine(folder, "missing.json");
            string[] set = ["data", "symbols", "set", "VOD.L", "--exchange", "LSE", "--asset-class", "EQUITY"];

            var noFile = await CliRunner.RunAsync([.. set, "--trading-hours", "@" + missing, .. db.Switches]);
            Assert.Equal((2, $"orchestrator: --trading-hours: no file '{missing}'."), (noFile.ExitCode, noFile.StandardError.Trim()));
            var invalid = await CliRunner.RunAsync([.. set, "--trading-hours", "@" + bad, .. db.Switches]);
            Assert.Equal(2, invalid.ExitCode);
            Assert.StartsWith($"orchestrator: --trading-hours: {bad}: Trading hours are not valid JSON", invalid.StandardError, StringComparison.Ordinal);
            await using (var context = db.CreateContext())
            {
                Assert.Equal(0, await context.MarketSymbols.CountAsync(Ct));
            }

            var ok = await CliRunner.RunAsync([.. set, "--trading-hours", "@" + hours, .. db.Switches]);
            Assert.True(ok.ExitCode == 0, ok.StandardError);
            var listed = await CliRunner.RunAsync(["data", "symbols", .. db.Switches]);
            Assert.Matches(@"VOD\.L\s+│\s+LSE\s+│.*│\s+Europe/London\s+│\s+yes", listed.StandardOutput);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
