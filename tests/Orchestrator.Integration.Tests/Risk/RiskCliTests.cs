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
}
