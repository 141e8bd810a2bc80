using Orchestrator.Domain.Backtesting;
using Spectre.Console;

namespace Orchestrator.Cli.Backtests.Reports;

/// <summary>A backtest's statistics as a console table, formatted as in the HTML report.</summary>
public static class BacktestStatisticsTable
{
    public static Table Create(IReadOnlyList<NamedStatistic> statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var table = new Table()
            .AddColumn("Statistic")
            .AddColumn(new TableColumn("Value").RightAligned());
        foreach (var statistic in statistics)
        {
            // Text, not markup: a name or value with '[' in it is printed as it is.
            table.AddRow(new Text(statistic.Name), new Text(StatisticFormatter.Format(statistic)));
        }

        return table;
    }
}
