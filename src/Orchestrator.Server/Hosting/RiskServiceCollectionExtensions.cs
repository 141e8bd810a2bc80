using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Risk;

namespace Orchestrator.Server.Hosting;

public static class RiskServiceCollectionExtensions
{
    /// <summary>Risk profiles and the kill switch.</summary>
    public static IServiceCollection AddOrchestratorRisk(this IServiceCollection services)
    {
        services.AddScoped<RiskProfileService>();
        services.AddScoped<TradingStateService>();
        return services;
    }
}
