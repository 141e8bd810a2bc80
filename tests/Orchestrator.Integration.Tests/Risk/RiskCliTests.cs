using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary><c>orchestrator risk</c>, run as a real process against a running server.</summary>
public sealed class RiskCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Profiles_activation_and_the_kill_switch_from_the_shell()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("shell@example.com");
        var (_, key) = await server.CreateKeyAsync(user, new { name = "cli", canRead = true, canWrite = true });
        string[] connection = ["--url", server.BaseAddress.ToString(), "--api-key", key];
        var second = await (await server.Client(bearer: user.AccessToken).PostAsJsonAsync("/api/v1/risk/profiles", new { profileName = "Tight", maxDailyLoss = 250 }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);

        var profiles = await CliRunner.RunAsync(["risk", "profiles", .. connection]);
        Assert.True(profiles.ExitCode == 0, profiles.StandardError);
        Assert.Equal(["Default Risk Profile", "Tight"], JsonDocument.Parse(profiles.StandardOutput).RootElement.EnumerateArray().Select(p => p.GetProperty("profileName").GetString()));

        var activated = await CliRunner.RunAsync(["risk", "activate", second.GetProperty("profileId").GetString()!, .. connection]);
        Assert.True(activated.ExitCode == 0, activated.StandardError);
        Assert.True(JsonDocument.Parse(activated.StandardOutput).RootElement.GetProperty("isActive").GetBoolean());

        var set = await CliRunner.RunAsync(["risk", "state", "--set", "REDUCING", "--reason", "earnings week", .. connection]);
        Assert.True(set.ExitCode == 0, set.StandardError);
        var shown = JsonDocument.Parse((await CliRunner.RunAsync(["risk", "state", .. connection])).StandardOutput).RootElement;
        Assert.Equal(("REDUCING", "earnings week"), (shown.GetProperty("state").GetString(), shown.GetProperty("reason").GetString()));

        var bad = await CliRunner.RunAsync(["risk", "state", "--set", "SLEEPING", .. connection]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("state", bad.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_calculate_and_alerts_from_the_shell()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await Trading.TradingKit.StartAsync(server, permissiveRisk: false);
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m);
        var (_, key) = await server.CreateKeyAsync(kit.User, new { name = "cli", canRead = true, canWrite = true });
        string[] connection = ["--url", server.BaseAddress.ToString(), "--api-key", key];

        // 501 x 100 = 50,100 of a 100,000 account: 0.501 of it in one symbol, over the default 0.50 (see RiskCheckApiTests).
        var check = await CliRunner.RunAsync(["risk", "check", "--account", kit.AccountId.ToString(), "--symbol", "ACME", "--side", "buy", "--quantity", "501", .. connection]);
        Assert.True(check.ExitCode == 0, check.StandardError);
        var verdict = JsonDocument.Parse(check.StandardOutput).RootElement;
        Assert.Equal((false, "max_correlation_exposure"), (verdict.GetProperty("wouldPass").GetBoolean(), verdict.GetProperty("limit").GetString()));

        // No positions and the opening balance of 100,000 cash: the calculation is all cash, nothing exposed.
        var calculated = await CliRunner.RunAsync(["risk", "calculate", .. connection]);
        Assert.True(calculated.ExitCode == 0, calculated.StandardError);
        var row = JsonDocument.Parse(calculated.StandardOutput).RootElement.GetProperty("calculation");
        Assert.Equal((100_000m, 100_000m, 0m), (row.GetProperty("portfolioValue").GetDecimal(), row.GetProperty("cashBalance").GetDecimal(), row.GetProperty("longExposure").GetDecimal()));

        var alerts = await CliRunner.RunAsync(["risk", "alerts", .. connection]);
        Assert.Equal((0, 0), (alerts.ExitCode, JsonDocument.Parse(alerts.StandardOutput).RootElement.GetArrayLength()));
        var missing = await CliRunner.RunAsync(["risk", "resolve", Guid.NewGuid().ToString(), "--action", "nothing", .. connection]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("404", missing.StandardError, StringComparison.Ordinal);
    }
}
