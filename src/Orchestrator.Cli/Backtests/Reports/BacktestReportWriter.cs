using Orchestrator.Domain.Backtesting;

namespace Orchestrator.Cli.Backtests.Reports;

/// <summary>
/// Writes a backtest's report into a directory (created if missing): <c>report.html</c>, and the chart as
/// <c>equity.png</c> and <c>equity.svg</c>. Existing files of those names are replaced.
/// </summary>
public static class BacktestReportWriter
{
    public const string HtmlFileName = "report.html";
    public const string PngFileName = "equity.png";
    public const string SvgFileName = "equity.svg";

    public static BacktestReportFiles Write(BacktestResult result, string directory) =>
        Write(result, directory, new EquityChart());

    public static BacktestReportFiles Write(BacktestResult result, string directory, EquityChart chart)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(chart);

        var root = Directory.CreateDirectory(directory).FullName;
        var files = new BacktestReportFiles(
            Path.Combine(root, HtmlFileName), Path.Combine(root, PngFileName), Path.Combine(root, SvgFileName));

        // The SVG is drawn once and used twice: as its own file and inlined in the page.
        var svg = chart.RenderSvg(result.EquityCurve);
        File.WriteAllBytes(files.PngPath, chart.RenderPng(result.EquityCurve));
        File.WriteAllText(files.SvgPath, svg);
        File.WriteAllText(files.HtmlPath, BacktestHtmlReport.Render(result, svg));
        return files;
    }
}
