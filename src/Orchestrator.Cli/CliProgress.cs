using Spectre.Console;

namespace Orchestrator.Cli;

/// <summary>
/// Progress bars for a person at a terminal, drawn on stderr: stdout carries only the command's result, so it can be
/// piped or parsed. With stderr redirected too (a log file, CI) nobody watches a bar, and Spectre's fallback would
/// only add "Generating 5,850 bars: 0%" lines to the log, so the bars are drawn nowhere.
/// </summary>
public static class CliProgress
{
    private static readonly Lazy<IAnsiConsole> Terminal = new(static () => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.IsErrorRedirected ? TextWriter.Null : Console.Error),
        // Spectre's own detection looks at stdout: a terminal's stderr would get only the fallback lines while stdout is piped.
        Interactive = Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Yes,
    }));

    public static Progress Progress() => Terminal.Value.Progress();
}
