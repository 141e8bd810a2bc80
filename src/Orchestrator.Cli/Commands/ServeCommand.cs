using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.MarketData;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator serve</c>: migrate, then run the API server until stopped.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {ServerDefaults.Urls})" };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the synthetic demo universe into an empty database" };
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

            var app = OrchestratorServer.Build([.. switches]);
            await DbCommands.MigrateAsync(app.Services.GetRequiredService<Migrator>(), ct);
            if (!parse.GetValue(noDemo))
            {
                await DemoUniverse.EnsureAsync(app.Services, TimeProvider.System, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orchestrator.Demo"), ct);
            }
            try
            {
                await app.RunAsync();
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"urls: {ex.Message}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
