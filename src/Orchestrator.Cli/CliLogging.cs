using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Orchestrator.Cli;

/// <summary>
/// Every command's console logs go to stderr: stdout carries only what the command prints for the user (a table, a
/// key, the demo banner), so it can be piped or parsed. The hosts <c>serve</c> and <c>run</c> build add the console
/// logger with its default, which writes to stdout.
/// </summary>
public static class CliLogging
{
    public static IServiceCollection LogToStandardError(this IServiceCollection services) =>
        services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
}
