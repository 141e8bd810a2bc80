using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Risk;
using Orchestrator.Server.Risk.KillSwitch;

namespace Orchestrator.Server.Hosting;

public static class RiskServiceCollectionExtensions
{
    /// <summary>Risk profiles, the kill switch, the pre-trade check's correlations, risk calculations and their alerts (pushed to the user's stream).</summary>
    public static IServiceCollection AddOrchestratorRisk(this IServiceCollection services)
    {
        services.AddScoped<RiskProfileService>();
        services.AddScoped<TradingStateService>();
        services.AddScoped<RiskCheckService>();
        services.AddSingleton<RiskAlertPublisher>();
        services.AddScoped<RiskAlertService>();
        services.AddScoped<RiskCalculationService>();
        services.AddSingleton<KillSwitchService>();
        services.AddHostedService<KillSwitchMonitor>();
        services.AddSingleton<ScheduledRiskCalculations>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledRiskCalculations>());
        return services;
    }
}
