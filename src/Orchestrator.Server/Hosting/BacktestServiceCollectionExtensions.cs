using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Backtests;

namespace Orchestrator.Server.Hosting;

public static class BacktestServiceCollectionExtensions
{
    /// <summary>Backtests as background jobs: the queue, the worker and the per-request services.</summary>
    public static IServiceCollection AddOrchestratorBacktests(this IServiceCollection services)
    {
        services.AddSingleton<BacktestQueue>();
        services.AddHostedService<BacktestWorker>();
        services.AddScoped<BacktestPlanner>();
        services.AddScoped<BacktestJobs>();
        services.AddScoped<BacktestQueries>();
        return services;
    }
}
