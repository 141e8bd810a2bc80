using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Demo;

namespace Orchestrator.Server.Hosting;

public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// The demo (<c>Demo</c> section): its options and the replay of the synthetic bars. Added by <c>serve</c> and
    /// <c>run</c> only, so a server built for tests or embedding never trades demo data.
    /// </summary>
    public static IServiceCollection AddOrchestratorDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddHostedService<DemoReplay>();
        return services;
    }
}
