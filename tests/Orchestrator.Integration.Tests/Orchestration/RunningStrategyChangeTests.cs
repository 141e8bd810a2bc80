using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.Orchestration;

namespace Orchestrator.Integration.Tests.Orchestration;

/// <summary>A PATCH or DELETE of a running strategy reaches its runner: deactivated or deleted, it stops; changed, it restarts with the change.</summary>
public sealed class RunningStrategyChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Crossover = new { moving_averages = new { short_period = 5, long_period = 20 } };

    [Fact]
    public async Task Deactivating_a_running_strategy_stops_it_and_a_parameter_change_restarts_it_with_the_change()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var strategyId = await RunnerKit.CreateAsync(kit, "ma-crossover", "Changed while running", Crossover);
        await RunnerKit.StartAsync(server, strategyId, kit.AccountId, "PARI");
        var runner = RunnerKit.Runner(server);
        await RunnerKit.PlayAsync(server, RunnerKit.Session("PARI", seed: 7, minutes: 3), strategyId);
        Assert.Equal((3L, 0L), runner.Progress(strategyId));

        // A parameter change restarts the strategy with it: a new unit, its counts from zero.
        var changed = await kit.Client.PatchAsJsonAsync($"/api/v1/strategies/{strategyId}", new { parameters = new { moving_averages = new { short_period = 3, long_period = 10 } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(strategyId, runner.Running);
        Assert.Equal((0L, 0L), runner.Progress(strategyId));

        // Deactivated, it stops: not running, STOPPED with the reason, inactive.
        var deactivated = await kit.Client.PatchAsJsonAsync($"/api/v1/strategies/{strategyId}", new { isActive = false }, Ct);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.DoesNotContain(strategyId, runner.Running);
        var status = await kit.Client.GetFromJsonAsync<JsonElement>($"/api/v1/strategies/{strategyId}/status", Ct);
        Assert.Equal((StrategyRunStates.Stopped, "deactivated by the user", false),
            (status.GetProperty("runState").GetString(), status.GetProperty("runStateReason").GetString(), status.GetProperty("isActive").GetBoolean()));
    }

    [Fact]
    public async Task Deleting_a_running_strategy_stops_it()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var strategyId = await RunnerKit.CreateAsync(kit, "ma-crossover", "Deleted while running", Crossover);
        await RunnerKit.StartAsync(server, strategyId, kit.AccountId, "PARI");
        Assert.Contains(strategyId, RunnerKit.Runner(server).Running);

        Assert.Equal(HttpStatusCode.NoContent, (await kit.Client.DeleteAsync($"/api/v1/strategies/{strategyId}", Ct)).StatusCode);

        Assert.DoesNotContain(strategyId, RunnerKit.Runner(server).Running);
        await using var db = server.Db.CreateContext();
        Assert.False(await db.UserStrategies.AnyAsync(u => u.UserStrategyId == strategyId, Ct));
    }
}
