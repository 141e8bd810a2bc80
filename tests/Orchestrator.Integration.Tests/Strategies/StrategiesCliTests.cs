using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Strategies;

/// <summary><c>orchestrator strategies</c>, run as a real process against a running server.</summary>
public sealed class StrategiesCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Templates_create_with_typed_params_and_list_through_the_api_with_exit_codes()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await StrategyKit.StartAsync(server);
        var (_, key) = await server.CreateKeyAsync(kit.User, new { name = "cli", canRead = true, canWrite = true });
        string[] connection = ["--url", server.BaseAddress.ToString(), "--api-key", key];

        var templates = await CliRunner.RunAsync(["strategies", "templates", .. connection]);
        Assert.True(templates.ExitCode == 0, templates.StandardError);
        Assert.Contains("buy-and-hold", JsonDocument.Parse(templates.StandardOutput).RootElement.EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        // The value is sent as the type the template's schema gives the parameter: a number, not the text "0.5".
        var created = await CliRunner.RunAsync(["strategies", "create", "--template", "buy-and-hold", "--name", "From the shell", "--param", "allocation=0.5", .. connection]);
        Assert.True(created.ExitCode == 0, created.StandardError);
        var strategy = JsonDocument.Parse(created.StandardOutput).RootElement;
        Assert.Equal(0.5m, strategy.GetProperty("parameters").GetProperty("allocation").GetDecimal());
        await kit.AssertConsistentAsync(strategy.GetProperty("strategyId").GetGuid());

        var listed = await CliRunner.RunAsync(["strategies", "list", .. connection]);
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal("From the shell", JsonDocument.Parse(listed.StandardOutput).RootElement[0].GetProperty("name").GetString());

        // Refused before sending: a value of the wrong type, an unknown parameter, an unknown template.
        var notANumber = await CliRunner.RunAsync(["strategies", "create", "--template", "buy-and-hold", "--name", "X", "--param", "allocation=lots", .. connection]);
        Assert.Equal(2, notANumber.ExitCode);
        Assert.Contains("--param allocation: 'lots' is not a number", notANumber.StandardError, StringComparison.Ordinal);
        var unknown = await CliRunner.RunAsync(["strategies", "create", "--template", "buy-and-hold", "--name", "X", "--param", "leverage=2", .. connection]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--param leverage", unknown.StandardError, StringComparison.Ordinal);
        var noTemplate = await CliRunner.RunAsync(["strategies", "create", "--template", "moon-phase", "--name", "X", .. connection]);
        Assert.Equal(2, noTemplate.ExitCode);
        Assert.Contains("--template", noTemplate.StandardError, StringComparison.Ordinal);
        // Refused by the server: out of range (the problem names the parameter), and a name already taken.
        var tooMuch = await CliRunner.RunAsync(["strategies", "create", "--template", "buy-and-hold", "--name", "X", "--param", "allocation=2", .. connection]);
        Assert.Equal(2, tooMuch.ExitCode);
        Assert.Contains("422: parameters.allocation:", tooMuch.StandardError, StringComparison.Ordinal);
        var taken = await CliRunner.RunAsync(["strategies", "create", "--template", "buy-and-hold", "--name", "From the shell", .. connection]);
        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("409", taken.StandardError, StringComparison.Ordinal);

        await using var db = server.Db.CreateContext();
        Assert.Equal(1, await db.Strategies.CountAsync(Ct));
    }
}
