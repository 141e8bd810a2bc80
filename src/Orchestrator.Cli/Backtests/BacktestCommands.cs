using System.CommandLine;

namespace Orchestrator.Cli.Backtests;

/// <summary><c>orchestrator backtest run|optimize</c>.</summary>
public static class BacktestCommands
{
    public static Command Create() => new("backtest", "Backtest and optimize strategy templates over stored bars")
    {
        BacktestRunCommand.Create(),
        BacktestOptimizeCommand.Create(),
    };
}
