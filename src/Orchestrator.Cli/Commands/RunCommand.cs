using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Demo;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Orchestration;
using Orchestrator.Storage.Migrations;
using Orchestrator.Storage.Model;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator run</c>: the headless runner. Migrates, loads the demo into an empty database as <c>serve</c>
/// does, then runs what <c>serve</c> runs (trading, risk, the strategy runner, the demo's replay) without the HTTP
/// API (<see cref="OrchestratorHeadless"/>), printing the strategies it runs and their symbols, until Ctrl+C (exit 0).
/// Strategies are started and stopped through a server's API, so one database is run by <c>serve</c> or by
/// <c>run</c>, not both: each runs every active strategy.
/// </summary>
public static class RunCommand
{
    /// <summary>How long to wait for the runner to take up the stored strategies before printing them.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(15);

    public static Command Create()
    {
        var noDemo = new Option<bool>("--no-demo") { Description = "No demo: no synthetic universe, demo user or replay (same as --Demo:Enabled=false)" };
        var command = new Command("run", "Migrate the database, then run the active strategies with trading and risk, without the HTTP API, until Ctrl+C")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(noDemo);
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            var switches = parse.UnmatchedTokens.ToList();
            if (parse.GetValue(noDemo))
            {
                switches.Add("--Demo:Enabled=false");
            }

            using var host = OrchestratorHeadless.Build([.. switches], services => services.AddOrchestratorDemo().LogToStandardError());
            // One process runs trading on a database: refuse (exit 2, naming the holder, before migrating or loading
            // anything) rather than wait as a standby.
            var ownership = host.Services.GetRequiredService<TradingOwnership>();
            await ownership.AcquireAsync(TimeSpan.FromSeconds(5), ct);
            // Progress of the start-up, as the logs: stderr (stdout is the banner and the strategies it runs).
            await DbCommands.MigrateAsync(host.Services.GetRequiredService<Migrator>(), Console.Error, ct);
            var demoOptions = host.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
            if (await DemoData.EnsureAsync(host.Services, TimeProvider.System, ct) is { } demo)
            {
                DemoBanner.Print(demo, null, demoOptions.ReplaySpeed);
            }

            var candidates = await CandidatesAsync(host.Services, ct);
            await host.StartAsync(ct);
            await PrintRunningAsync(host.Services, candidates, ct);
            // Ctrl+C (or SIGTERM) stops the host through its console lifetime, and cancels ct: either way this returns.
            await host.WaitForShutdownAsync(ct);
            // Non-zero when it stopped because it lost its trading lease, so a supervisor restarts it.
            return ownership.IsLost ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    private sealed record Candidate(Guid Id, string Name, Guid? AccountId, string? Symbols);

    /// <summary>What the runner will start: the stored active strategies with an account and symbols, not DISABLED (its own filter).</summary>
    private static async Task<List<Candidate>> CandidatesAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        return await db.UserStrategies.AsNoTracking()
            .Where(u => u.IsActive == true && u.AccountId != null && u.Symbols != null && u.RunState != StrategyRunStates.Disabled)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.UserStrategyId)
            .Select(u => new Candidate(u.UserStrategyId, u.StrategyName, u.AccountId, u.Symbols))
            .ToListAsync(ct);
    }

    /// <summary>Once the runner has taken each candidate up (it runs, or its state says why not): each one's state, symbols and account.</summary>
    private static async Task PrintRunningAsync(IServiceProvider services, List<Candidate> candidates, CancellationToken ct)
    {
        var runner = services.GetRequiredService<StrategyRunner>();
        var ids = candidates.Select(c => c.Id).ToList();
        var deadline = DateTime.UtcNow + SettleTimeout;
        Dictionary<Guid, (string State, string? Reason)> states;
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
                states = (await db.UserStrategies.AsNoTracking().Where(u => ids.Contains(u.UserStrategyId))
                        .Select(u => new { u.UserStrategyId, u.RunState, u.RunStateReason }).ToListAsync(ct))
                    .ToDictionary(u => u.UserStrategyId, u => (u.RunState, u.RunStateReason));
            }

            var running = runner.Running.ToHashSet();
            var settled = ids.All(id => running.Contains(id)
                || states.GetValueOrDefault(id).State is StrategyRunStates.Halted or StrategyRunStates.Disabled or null);
            if (settled || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(200, ct);
        }

        var live = runner.Running.ToHashSet();
        Console.WriteLine(live.Count == 0
            ? "No strategy is running (start one through a server: `orchestrator strategies start ID --account ID --symbols A,B`). Ctrl+C stops."
            : $"Running {live.Count} {(live.Count == 1 ? "strategy" : "strategies")} without the HTTP API. Ctrl+C stops.");
        foreach (var candidate in candidates)
        {
            var symbols = candidate.Symbols is null ? "-" : string.Join(",", JsonSerializer.Deserialize<List<string>>(candidate.Symbols) ?? []);
            var (state, reason) = live.Contains(candidate.Id) ? (StrategyRunStates.Running, null) : states.GetValueOrDefault(candidate.Id);
            Console.WriteLine($"  {candidate.Name} ({candidate.Id}): {state ?? "gone"} on {symbols}, account {candidate.AccountId}{(reason is null ? "" : $" ({reason})")}");
        }
    }
}
