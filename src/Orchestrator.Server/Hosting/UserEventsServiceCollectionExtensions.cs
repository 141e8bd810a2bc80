using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Live;

namespace Orchestrator.Server.Hosting;

public static class UserEventsServiceCollectionExtensions
{
    /// <summary>
    /// The per-user event hub behind the stream: Redis pub/sub when <c>Redis:Configuration</c> is set (an event raised
    /// on one server reaches the user's sockets on all of them), else in process; chosen as the quote hub is.
    /// </summary>
    public static IServiceCollection AddOrchestratorUserEvents(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["Redis:Configuration"]))
        {
            services.AddSingleton<IUserEventHub, MemoryUserEventHub>();
        }
        else
        {
            services.AddSingleton<IUserEventHub, RedisUserEventHub>();
        }

        return services;
    }
}
