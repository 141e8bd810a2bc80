using System.Text.Json;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Strategies;

/// <summary><c>orchestrator strategies start|stop|status</c>, run as a real process against a running server.</summary>
public sealed class StrategyRunCliTests
{
    [Fact]
    public async Task Start_status_and_stop_through_the_api_with_fields_named_and_exit_codes()
    {
        await using var server = await ApiServer.StartAsync();
        await StrategyRunKit.AddSymbolsAsync(server.Db, "ACME", "BETA");
        var kit = await StrategyRunKit.StartAsync(server);
        var id = await kit.CreateStrategyAsync("Shell crossover");
        var (_, key) = await server.CreateKeyAsync(kit.Trading.User, new { name = "cli", canRead = true, canWrite = true });
        string[] connection = ["--url", server.BaseAddress.ToString(), "--api-key", key];

        var started = await CliRunner.RunAsync(["strategies", "start", id.ToString(), "--account", kit.Trading.AccountId.ToString(), "--symbols", "acme, BETA", .. connection]);
        Assert.True(started.ExitCode == 0, started.StandardError);
        var status = JsonDocument.Parse(started.StandardOutput).RootElement;
        Assert.Equal(id, status.GetProperty("strategyId").GetGuid());
        Assert.Equal("RUNNING", status.GetProperty("runState").GetString());
        Assert.True(status.GetProperty("isActive").GetBoolean());
        Assert.True(status.GetProperty("running").GetBoolean());
        Assert.Equal(kit.Trading.AccountId, status.GetProperty("accountId").GetGuid());
        Assert.Equal(["ACME", "BETA"], status.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!));
        Assert.Contains(id, kit.Runner.Running);

        // The table: one row per strategy with its name, id, flags, state and symbols.
        var table = await CliRunner.RunAsync(["strategies", "status", .. connection]);
        Assert.True(table.ExitCode == 0, table.StandardError);
        foreach (var header in new[] { "Strategy", "Id", "Active", "State", "Reason", "Running", "Symbols", "Bars", "Signals", "Trades", "P&L" })
        {
            Assert.Contains(header, table.StandardOutput, StringComparison.Ordinal);
        }

        var row = table.StandardOutput.Split('\n').SingleOrDefault(line => line.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.True(row is not null, table.StandardOutput);
        Assert.Contains("Shell crossover", row, StringComparison.Ordinal);
        Assert.Contains("RUNNING", row, StringComparison.Ordinal);
        Assert.Contains("ACME,BETA", row, StringComparison.Ordinal);
        Assert.Contains("yes", row, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync(["strategies", "status", id.ToString(), "--json", .. connection]);
        Assert.True(json.ExitCode == 0, json.StandardError);
        var one = JsonDocument.Parse(json.StandardOutput).RootElement;
        Assert.Equal(
            ["strategyId", "name", "isActive", "runState", "runStateReason", "runStateChangedAt", "accountId", "symbols", "running", "barsSeen", "signalsRouted",
                "totalTrades", "totalPnl", "winRate", "maxDrawdown", "lastRunAt"],
            one.EnumerateObject().Select(p => p.Name));
        Assert.Equal("RUNNING", one.GetProperty("runState").GetString());

        var stopped = await CliRunner.RunAsync(["strategies", "stop", id.ToString(), .. connection]);
        Assert.True(stopped.ExitCode == 0, stopped.StandardError);
        Assert.Equal("STOPPED", JsonDocument.Parse(stopped.StandardOutput).RootElement.GetProperty("runState").GetString());
        Assert.False(JsonDocument.Parse(stopped.StandardOutput).RootElement.GetProperty("isActive").GetBoolean());
        Assert.DoesNotContain(id, kit.Runner.Running);
        var after = await CliRunner.RunAsync(["strategies", "status", .. connection]);
        Assert.Contains("STOPPED", after.StandardOutput.Split('\n').Single(line => line.Contains(id.ToString(), StringComparison.Ordinal)), StringComparison.Ordinal);

        // `strategies list` still lists them (the API's JSON).
        var listed = await CliRunner.RunAsync(["strategies", "list", .. connection]);
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal("Shell crossover", JsonDocument.Parse(listed.StandardOutput).RootElement[0].GetProperty("name").GetString());

        // Refused before sending (exit 2, the field named): an id or account that is no UUID, an empty --symbols.
        var badId = await CliRunner.RunAsync(["strategies", "start", "not-an-id", .. connection]);
        Assert.Equal(2, badId.ExitCode);
        Assert.Contains("ID: 'not-an-id' is not a UUID", badId.StandardError, StringComparison.Ordinal);
        var badAccount = await CliRunner.RunAsync(["strategies", "start", id.ToString(), "--account", "nope", .. connection]);
        Assert.Equal(2, badAccount.ExitCode);
        Assert.Contains("--account: 'nope' is not a UUID", badAccount.StandardError, StringComparison.Ordinal);
        var noSymbols = await CliRunner.RunAsync(["strategies", "start", id.ToString(), "--symbols", " , ", .. connection]);
        Assert.Equal(2, noSymbols.ExitCode);
        Assert.Contains("--symbols:", noSymbols.StandardError, StringComparison.Ordinal);
        var badStatus = await CliRunner.RunAsync(["strategies", "status", "xyz", .. connection]);
        Assert.Equal(2, badStatus.ExitCode);
        Assert.Contains("ID: 'xyz' is not a UUID", badStatus.StandardError, StringComparison.Ordinal);

        // Refused by the server (exit 2 with its detail, which names the field): an unknown symbol, a strategy that is not yours.
        var unknown = await CliRunner.RunAsync(["strategies", "start", id.ToString(), "--symbols", "ACME,NOPE", .. connection]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("422: symbols: 'NOPE' is not a symbol", unknown.StandardError, StringComparison.Ordinal);
        var missing = await CliRunner.RunAsync(["strategies", "stop", Guid.NewGuid().ToString(), .. connection]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("404", missing.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(id, kit.Runner.Running);
    }
}
