namespace Orchestrator.Cli.Backtests.Reports;

/// <summary>Where <see cref="BacktestReportWriter.Write(Orchestrator.Domain.Backtesting.BacktestResult, string)"/> put the report, as full paths.</summary>
public sealed record BacktestReportFiles(string HtmlPath, string PngPath, string SvgPath);
