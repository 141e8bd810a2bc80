using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Backtests;

/// <summary><c>orchestrator backtest run|optimize</c> as real processes over stored bars.</summary>
public sealed class BacktestCliTests : IDisposable
{
    /// <summary>The crossover series: SMA(2) crosses above SMA(3) at bar 9 (close 11) and below at bar 12 (close 9).</summary>
    private static readonly decimal[] Closes = [10, 10, 10, 11, 12, 11, 10, 9, 10, 11, 12, 10, 9];

    private static readonly DateTimeOffset Open = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("orchestrator-backtest-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_prints_lean_statistics_as_json_and_writes_the_report()
    {
        await using var db = await SeededAsync();
        string[] run = ["backtest", "run", "--strategy", "ma-crossover", "--symbols", "xyz", "--from", "2024-01-02", "--to", "2024-01-02",
            "--param", "moving_averages.short_period=2", "--param", "moving_averages.long_period=3", "--param", "allocation=0.5",
            "--fees", "none", "--slippage", "none", "--capital", "10000"];

        var json = await CliRunner.RunAsync([.. run, "--json", .. db.Switches]);
        Assert.True(json.ExitCode == 0, json.StandardError);
        var result = JsonDocument.Parse(json.StandardOutput).RootElement;
        // Buy 5,000 / 11 = 454 at 11, sell at 9: -908; end equity 9,092.
        var statistics = result.GetProperty("statistics");
        Assert.Equal(25, statistics.EnumerateObject().Count());
        Assert.Equal((2, 9_092m, 0m), (statistics.GetProperty("Total Orders").GetInt32(), statistics.GetProperty("End Equity").GetDecimal(), statistics.GetProperty("Total Fees").GetDecimal()));
        var trade = Assert.Single(result.GetProperty("trades").EnumerateArray());
        Assert.Equal(-908m, trade.GetProperty("profitLoss").GetDecimal());
        Assert.Equal(3, result.GetProperty("parameters").GetProperty("moving_averages").GetProperty("long_period").GetInt32());
        Assert.Equal(0.5m, result.GetProperty("parameters").GetProperty("allocation").GetDecimal());

        // The same run twice prints the same bytes.
        Assert.Equal(json.StandardOutput, (await CliRunner.RunAsync([.. run, "--json", .. db.Switches])).StandardOutput);

        var report = Path.Combine(_folder, "report");
        var table = await CliRunner.RunAsync([.. run, "--report", report, .. db.Switches]);
        Assert.True(table.ExitCode == 0, table.StandardError);
        Assert.Contains("End Equity", table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("$9,092.00", table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("$9,092.00", await File.ReadAllTextAsync(Path.Combine(report, "report.html"), Ct), StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(Path.Combine(report, "equity.png"), Ct))[..4]);
        Assert.Contains("<svg viewBox=\"0 0 1000 600\"", await File.ReadAllTextAsync(Path.Combine(report, "equity.svg"), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_ranks_every_combination_and_reports_the_ones_a_rule_forbids()
    {
        await using var db = await SeededAsync();
        var output = await CliRunner.RunAsync(["backtest", "optimize", "--strategy", "ma-crossover", "--symbols", "XYZ", "--from", "2024-01-02", "--to", "2024-01-02",
            "--range", "moving_averages.short_period=1:3:1", "--param", "moving_averages.long_period=3", "--param", "allocation=0.5",
            "--fees", "none", "--slippage", "none", "--capital", "10000", "--rank", "End Equity", "--json", .. db.Switches]);
        Assert.True(output.ExitCode == 0, output.StandardError);
        var runs = JsonDocument.Parse(output.StandardOutput).RootElement.GetProperty("runs").EnumerateArray().ToList();
        // SMA(1) vs SMA(3): up at bar 8 (close 10 > 9.667): buy 500 at 10; down at bar 11 (10 < 11): sell at 10: flat, 10,000.
        // SMA(2) vs SMA(3): 9,092 (see the run test). SMA(3) vs SMA(3) breaks short < long and is not run.
        Assert.Equal([(1, 10_000m), (2, 9_092m)], runs.Take(2).Select(r => (r.GetProperty("parameters").GetProperty("moving_averages.short_period").GetInt32(), r.GetProperty("score").GetDecimal())));
        Assert.Equal(JsonValueKind.Null, runs[2].GetProperty("rank").ValueKind);
        Assert.Equal("moving_averages.short_period must be below moving_averages.long_period", runs[2].GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_ranked_table_shows_each_statistic_once_and_no_progress_on_stdout()
    {
        await using var db = await SeededAsync();
        var output = await CliRunner.RunAsync(["backtest", "optimize", "--strategy", "ma-crossover", "--symbols", "XYZ", "--from", "2024-01-02", "--to", "2024-01-02",
            "--range", "moving_averages.short_period=1:2:1", "--param", "moving_averages.long_period=3", "--fees", "none", "--slippage", "none", .. db.Switches]);
        Assert.True(output.ExitCode == 0, output.StandardError);

        // Ranked by the default, Sharpe Ratio, which was also one of the fixed columns: the header showed it twice.
        var header = output.StandardOutput.Split('\n').Single(l => l.Contains("Parameters", StringComparison.Ordinal));
        Assert.Equal(["#", "Parameters", "Sharpe Ratio", "Net Profit", "Drawdown", "Total Orders"],
            header.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("Loading bars", output.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Grid search", output.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_of_a_user_strategy_are_stored_under_it_and_an_optimization_under_one_id()
    {
        await using var db = await SeededAsync();
        Guid strategyId;
        await using (var server = await ApiServer.StartAsync(db, ownsDatabase: false))
        {
            var kit = await Strategies.StrategyKit.StartAsync(server);
            strategyId = (await kit.CreateAsync(new
            {
                template = "ma-crossover", name = "Fast cross",
                parameters = new { moving_averages = new { short_period = 2, long_period = 3 }, allocation = 0.5 },
            })).GetProperty("strategyId").GetGuid();
        }

        // The strategy's own parameters (2/3, allocation 0.5) apply: the same 9,092 as the template run above.
        var run = await CliRunner.RunAsync(["backtest", "run", "--strategy", strategyId.ToString(), "--symbols", "XYZ", "--from", "2024-01-02", "--to", "2024-01-02",
            "--fees", "none", "--slippage", "none", "--capital", "10000", "--json", .. db.Switches]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        var result = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.Equal(9_092m, result.GetProperty("statistics").GetProperty("End Equity").GetDecimal());
        Assert.Equal("Fast cross", result.GetProperty("strategy").GetString());
        var backtestId = Guid.Parse(result.GetProperty("backtest_id").GetString()!);

        var optimize = await CliRunner.RunAsync(["backtest", "optimize", "--strategy", strategyId.ToString(), "--symbols", "XYZ", "--from", "2024-01-02", "--to", "2024-01-02",
            "--range", "moving_averages.short_period=1,2", "--fees", "none", "--slippage", "none", "--capital", "10000", "--rank", "End Equity", "--json", .. db.Switches]);
        Assert.True(optimize.ExitCode == 0, optimize.StandardError);

        await using var context = db.CreateContext();
        var rows = await context.StrategyBacktests.AsNoTracking().Where(b => b.StrategyId == strategyId).ToListAsync(Ct);
        Assert.Equal(3, rows.Count);
        var single = rows.Single(b => b.BacktestId == backtestId);
        Assert.Equal((9_092m, -0.0908m, null), (single.FinalValue, single.TotalReturn, single.OptimizationId));
        var grid = rows.Where(b => b.OptimizationId is not null).ToList();
        Assert.Equal(2, grid.Count);
        Assert.Single(grid.Select(b => b.OptimizationId).Distinct());
        Assert.Equal([9_092m, 10_000m], grid.Select(b => b.FinalValue).Order());
        Assert.Equal(2, await context.AuditLog.AsNoTracking().CountAsync(a => a.Action == "BACKTESTS_STORED" && a.ResourceId == strategyId.ToString(), Ct));

        var missing = await CliRunner.RunAsync(["backtest", "run", "--strategy", Guid.Empty.ToString(), "--symbols", "XYZ", "--from", "2024-01-02", "--to", "2024-01-02", .. db.Switches]);
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("orchestrator: --strategy: no strategy has the id", missing.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--strategy", "no-such-template")]
    [InlineData("--symbols", "NOPE")]
    [InlineData("--from", "2024-13-01")]
    [InlineData("--fees", "per-share")]
    [InlineData("--param", "allocation=2")]
    public async Task Bad_input_names_the_switch_and_exits_2(string option, string value)
    {
        await using var db = await SeededAsync();
        var arguments = new Dictionary<string, string>
        {
            ["--strategy"] = "buy-and-hold", ["--symbols"] = "XYZ", ["--from"] = "2024-01-02", ["--to"] = "2024-01-02",
        };
        arguments[option] = value;
        var output = await CliRunner.RunAsync(["backtest", "run", .. arguments.SelectMany(kv => new[] { kv.Key, kv.Value }), "--json", .. db.Switches]);
        Assert.Equal(2, output.ExitCode);
        Assert.StartsWith($"orchestrator: {option}:", output.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.StandardOutput);
    }

    [Fact]
    public async Task Days_outside_the_years_1900_to_2200_are_refused_before_the_run()
    {
        await using var db = await SeededAsync();
        var output = await CliRunner.RunAsync(["backtest", "run", "--strategy", "buy-and-hold", "--symbols", "XYZ", "--from", "2024-01-02", "--to", "9999-12-31",
            "--json", .. db.Switches]);
        Assert.Equal(2, output.ExitCode);
        Assert.Equal("orchestrator: --to: must be in the years 1900 to 2200", output.StandardError.Trim());
        Assert.Equal(string.Empty, output.StandardOutput);
    }

    [Theory]
    [InlineData("--slippage", "2", "2 is out of range: a fraction of the price from 0 to 0.5")]
    [InlineData("--slippage", "1.5", "1.5 is out of range: a fraction of the price from 0 to 0.5")]
    [InlineData("--slippage", "volume-share:0.1,limit:2", "limit:2 is out of range: a share of the bar's volume above 0 and at most 1")]
    [InlineData("--fees", "percentage:2", "percentage:2 is out of range: a fraction of the fill's value from 0 to 0.5")]
    public async Task Settings_that_would_make_impossible_fills_are_refused_before_the_run(string option, string value, string reason)
    {
        // A slippage of 1 or more once reached the engine and failed the run with a negative fill price and a stack trace.
        await using var db = await SeededAsync();
        var report = Path.Combine(_folder, "report");
        var output = await CliRunner.RunAsync(["backtest", "run", "--strategy", "ma-crossover", "--symbols", "XYZ", "--from", "2024-01-02", "--to", "2024-01-02",
            "--param", "moving_averages.short_period=2", "--param", "moving_averages.long_period=3", option, value, "--report", report, .. db.Switches]);
        Assert.Equal((2, $"orchestrator: {option}: {reason}"), (output.ExitCode, output.StandardError.Trim()));
        Assert.False(Directory.Exists(report));
    }

    [Fact]
    public async Task A_failure_no_command_expects_is_one_line_and_exit_1_without_a_stack_trace()
    {
        await using var db = await SeededAsync();
        var file = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(file, "not a directory", Ct);

        // The report directory cannot be created under a file: System.CommandLine's handler printed the stack trace.
        var output = await CliRunner.RunAsync(["backtest", "run", "--strategy", "buy-and-hold", "--symbols", "XYZ", "--from", "2024-01-02", "--to", "2024-01-02",
            "--report", Path.Combine(file, "report"), .. db.Switches]);

        Assert.Equal(1, output.ExitCode);
        var line = Assert.Single(output.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("orchestrator: unexpected error: ", line, StringComparison.Ordinal);
        Assert.Contains("a-file", line, StringComparison.Ordinal);
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using (var context = db.CreateContext())
        {
            context.MarketSymbols.Add(new MarketSymbol { Symbol = "XYZ", Exchange = "SYNTH", AssetClass = "EQUITY", Currency = "USD", TickSize = 0.01m, IsActive = true });
            await context.SaveChangesAsync(Ct);
        }

        await new RelationalBarStore(db.Connections).WriteAsync(Stream(), null, Ct);
        return db;

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
}
