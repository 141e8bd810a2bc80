using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the configured relational store: connection factory, migrator and EF Core context.</summary>
    public static IServiceCollection AddOrchestratorStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DatabaseOptions.FromConfiguration(configuration));
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<Migrator>(sp => new Migrator(sp.GetRequiredService<ConnectionFactory>()));
        services.AddScoped(sp => OrchestratorDbContext.Create(sp.GetRequiredService<ConnectionFactory>()));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
