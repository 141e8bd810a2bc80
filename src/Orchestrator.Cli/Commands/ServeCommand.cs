using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Demo;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator serve</c>: migrate, load the demo into an empty database (<see cref="DemoData"/>; not with
/// <c>--no-demo</c>), then run the API server, trading and the strategy runner until stopped.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {ServerDefaults.Urls})" };
        var noDemo = new Option<bool>("--no-demo") { Description = "No demo: no synthetic universe, demo user or replay (same as --Demo:Enabled=false)" };
        var command = new Command("serve", "Migrate the database, then start the server") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(urls);
        command.Options.Add(noDemo);
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            var switches = parse.UnmatchedTokens.ToList();
            if (parse.GetValue(urls) is { } value)
            {
                switches.Add($"--urls={value}");
            }

            if (parse.GetValue(noDemo))
            {
                switches.Add("--Demo:Enabled=false");
            }

            var app = OrchestratorServer.Build([.. switches], services: services => services.AddOrchestratorDemo().LogToStandardError());
            // One process runs trading on a database: refuse (exit 2, naming the holder, before migrating or loading
            // anything) rather than wait as a standby.
            var ownership = app.Services.GetRequiredService<TradingOwnership>();
            await ownership.AcquireAsync(TimeSpan.FromSeconds(5), ct);
            // Progress of the start-up, as the logs: stderr (stdout is the demo banner's).
            await DbCommands.MigrateAsync(app.Services.GetRequiredService<Migrator>(), Console.Error, ct);
            if (await DemoData.EnsureAsync(app.Services, TimeProvider.System, ct) is { } demo)
            {
                var url = (app.Configuration[WebHostDefaults.ServerUrlsKey] ?? ServerDefaults.Urls).Split(';')[0];
                DemoBanner.Print(demo, url, app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.ReplaySpeed);
            }

            try
            {
                await app.RunAsync();
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"urls: {ex.Message}");
            }

            // Non-zero when it stopped because it lost its trading lease, so a supervisor restarts it.
            return ownership.IsLost ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }
}
