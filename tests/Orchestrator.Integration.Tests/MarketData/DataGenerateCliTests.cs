using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.MarketData;

/// <summary><c>orchestrator data generate</c> as a real process with its output redirected, as a script runs it.</summary>
public sealed class DataGenerateCliTests
{
    [Fact]
    public async Task Redirected_stdout_carries_only_the_summary_without_progress_text()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var output = await CliRunner.RunAsync(["data", "generate", "--symbols", "1", "--days", "1", "--start", "2024-01-02", .. db.Switches]);

        Assert.True(output.ExitCode == 0, output.StandardError);
        // Spectre's non-terminal fallback once put "Generating 390 bars: 0%" on stdout before this line.
        Assert.Equal("390 synthetic bars for 1 symbols over 1 trading days from 2024-01-02 (exchange SYNTH).", output.StandardOutput.Trim());
        Assert.DoesNotContain("Generating", output.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_switch_is_named_at_once_and_nothing_is_generated()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var output = await CliRunner.RunAsync(["data", "generate", "--symbols", "0", "--days", "-1", .. db.Switches]);

        Assert.Equal((2, "orchestrator: --symbols: must be between 1 and 999; --days: must be between 1 and 5000"), (output.ExitCode, output.StandardError.Trim()));
        Assert.Equal(string.Empty, output.StandardOutput);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'market_data_1m'"));
    }
}
