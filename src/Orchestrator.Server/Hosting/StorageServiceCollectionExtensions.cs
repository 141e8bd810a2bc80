using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
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
        // Pooled: a request reuses a reset context instead of building one (a measurable share of a fast request).
        services.AddDbContextPool<OrchestratorDbContext>((sp, options) => OrchestratorDbContext.Configure(options, sp.GetRequiredService<ConnectionFactory>()));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
