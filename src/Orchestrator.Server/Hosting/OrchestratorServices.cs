using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Every service the platform runs, whoever hosts it: the API server (<see cref="OrchestratorServer"/>) and the
/// headless runner (<see cref="OrchestratorHeadless"/>) register the same ones, so a strategy trades the same
/// way under both.
/// </summary>
public static class OrchestratorServices
{
    public static IServiceCollection AddOrchestratorServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOrchestratorStorage(configuration);
        services.AddOrchestratorSecurity(configuration);
        services.AddOrchestratorTrading(configuration);
        services.AddOrchestratorMarketData(configuration);
        services.AddOrchestratorUserEvents(configuration);
        services.AddOrchestratorStrategies();
        services.AddOrchestratorBacktests();
        services.AddOrchestratorRisk();
        services.AddOrchestratorRunner();
        return services;
    }
}
