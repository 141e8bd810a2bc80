using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Hosting;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator serve</c>: migrate, then run the API server until stopped.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {ServerDefaults.Urls})" };
        var command = new Command("serve", "Migrate the database, then start the server") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(urls);
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            var switches = parse.UnmatchedTokens.ToList();
            if (parse.GetValue(urls) is { } value)
            {
                switches.Add($"--urls={value}");
            }

            var app = OrchestratorServer.Build([.. switches]);
            await DbCommands.MigrateAsync(app.Services.GetRequiredService<Migrator>(), ct);
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
