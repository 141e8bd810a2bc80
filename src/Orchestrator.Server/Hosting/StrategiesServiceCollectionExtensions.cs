using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Strategies;

namespace Orchestrator.Server.Hosting;

public static class StrategiesServiceCollectionExtensions
{
    /// <summary>The template catalog (seeded at start-up), user strategies, starting and stopping them, the marketplace and performance tracking.</summary>
    public static IServiceCollection AddOrchestratorStrategies(this IServiceCollection services)
    {
        services.AddSingleton<ParameterValidator>();
        services.AddHostedService<StrategyTemplateSeeder>();
        services.AddScoped<StrategyService>();
        services.AddScoped<StrategyMarketplace>();
        services.AddScoped<StrategyPerformance>();
        // Starts and stops through the runner (AddOrchestratorRunner), which every host of these services registers.
        services.AddScoped<StrategyRunService>();
        return services;
    }
}
