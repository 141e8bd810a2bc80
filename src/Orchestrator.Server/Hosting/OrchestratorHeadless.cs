using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// The platform without its API (<c>orchestrator run</c>): a Generic Host with every service the server has
/// (<see cref="OrchestratorServices"/>: trading, risk, the strategy runner, backtests) and no HTTP listener, for a
/// machine that only trades. Settings come from the same places as the server's: appsettings.json beside the
/// binary, environment variables, then the command-line switches (<c>--Database:Provider=Postgres</c>, ...).
/// </summary>
public static class OrchestratorHeadless
{
    public static IHost Build(string[] args, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddOrchestratorServices(builder.Configuration);
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
