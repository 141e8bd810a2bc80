using System.CommandLine;
using Orchestrator.Cli.Commands;

var root = new RootCommand("orchestrator: the Day Trading Orchestrator's server and tools")
{
    ServeCommand.Create(),
    DbCommands.Create(),
};

return await root.Parse(args).InvokeAsync();
