using System.CommandLine;
using Orchestrator.Cli;
using Orchestrator.Cli.Backtests;
using Orchestrator.Cli.Commands;
using Spectre.Console;

// Redirected output (a pipe, a file, CI) has no width of its own; Spectre would assume 80 columns and
// wrap tables into unreadable slivers.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}

var root = new RootCommand("orchestrator: the Day Trading Orchestrator's server and tools")
{
    ServeCommand.Create(),
    RunCommand.Create(),
    DbCommands.Create(),
    UsersCommands.Create(),
    ApiKeysCommands.Create(),
    KeysCommands.Create(),
    OrdersCommands.Create(),
    StrategiesCommands.Create(),
    DataCommands.Create(),
    BacktestCommands.Create(),
    RiskCommands.Create(),
};

// No response files: the CLI documents none, and the parser would expand any '@' token (the documented
// '--trading-hours @FILE') into the file's words before the command could read it.
var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (ParseErrors.Any(parse))
{
    return ParseErrors.Report(parse);
}

try
{
    // Our own last resort instead of System.CommandLine's, which prints the stack trace the README promises never to show.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    return CommandErrors.Unexpected(ex);
}
