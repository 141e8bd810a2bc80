using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Orchestration;

namespace Orchestrator.Server.Hosting;

public static class OrchestrationServiceCollectionExtensions
{
    /// <summary>The strategy runner: active user strategies on the live feed (needs trading, risk and user events).</summary>
    public static IServiceCollection AddOrchestratorRunner(this IServiceCollection services)
    {
        services.AddOptions<StrategyRunnerOptions>().BindConfiguration(StrategyRunnerOptions.Section);
        services.AddSingleton<StrategyTemplates>();
        services.AddSingleton<StrategyRunner>();
        services.AddSingleton<IBarConsumer>(sp => sp.GetRequiredService<StrategyRunner>());
        services.AddHostedService(sp => sp.GetRequiredService<StrategyRunner>());
        return services;
    }
}
