using Microsoft.Extensions.Configuration;

namespace Orchestrator.Cli;

/// <summary>
/// Configuration the .NET way, in rising precedence: appsettings.json beside the binary, environment
/// variables (<c>Database__Provider</c>), then command-line switches (<c>--Database:Provider=Postgres</c>).
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Build(IReadOnlyList<string> switches) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(switches.ToArray())
            .Build();
}
