using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Server.Hosting;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Cli;

/// <summary>The same services the server uses, for commands that act on data (users, API keys).</summary>
public static class CliServices
{
    public static async Task<ServiceProvider> CreateAsync(IReadOnlyList<string> switches, CancellationToken ct)
    {
        var configuration = CliConfiguration.Build(switches);
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging(logging => logging
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddConsole())
            .LogToStandardError()
            .AddOrchestratorStorage(configuration)
            .AddOrchestratorSecurity(configuration)
            .AddOrchestratorTrading(configuration)
            .AddOrchestratorMarketData(configuration)
            .BuildServiceProvider();
        // A command on a new database first brings it to the current schema, as serve does.
        await services.GetRequiredService<Migrator>().MigrateAsync(null, ct);
        return services;
    }
}
