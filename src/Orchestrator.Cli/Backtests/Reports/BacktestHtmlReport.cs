using System.Globalization;
using System.Net;
using System.Text;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Cli.Backtests.Reports;

/// <summary>
/// One self-contained HTML page for a backtest: title (strategy, symbols, period), parameters, statistics, the
/// equity and drawdown chart as inline SVG, then every trade and every order. No script and nothing fetched: the
/// file can be mailed or archived as it is. Every value from the result is HTML-encoded. The same result gives
/// the same bytes: parameters are sorted, numbers use the invariant culture, and lines end in "\n" everywhere.
/// </summary>
public static class BacktestHtmlReport
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1d2329; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        .period { color: #5b6570; margin-top: 0; }
        h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d8dde2; padding-bottom: 0.3rem; }
        table { border-collapse: collapse; font-size: 0.9rem; }
        th, td { padding: 0.25rem 0.7rem; border-bottom: 1px solid #eceff2; text-align: left; white-space: nowrap; }
        th { background: #f4f6f8; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.gain { color: #1e7a3c; }
        td.loss { color: #b03a2e; }
        figure { margin: 0; }
        figure svg { max-width: 100%; height: auto; }
        .empty { color: #5b6570; font-style: italic; }
        """;

    /// <summary>The page, with the chart drawn by a default <see cref="EquityChart"/>.</summary>
    public static string Render(BacktestResult result) =>
        Render(result, new EquityChart().RenderSvg(result.EquityCurve));

    /// <summary>The page, with <paramref name="chartSvg"/> (an <see cref="EquityChart"/> SVG) inlined as it is.</summary>
    public static string Render(BacktestResult result, string chartSvg)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(chartSvg);
        var title = $"{result.StrategyName} — {string.Join(", ", result.Symbols)} — "
            + $"{ReportFormat.Date(result.StartDate)} to {ReportFormat.Date(result.EndDate)}";

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Encode(title)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(result.StrategyName)).Append("</h1>\n");
        html.Append("<p class=\"period\">").Append(Encode(string.Join(", ", result.Symbols))).Append(" · ")
            .Append(ReportFormat.Date(result.StartDate)).Append(" to ").Append(ReportFormat.Date(result.EndDate))
            .Append(" · initial capital ").Append(StatisticFormatter.Money(result.InitialCapital))
            .Append(" · ").Append(result.BarsProcessed.ToString("#,0", CultureInfo.InvariantCulture))
            .Append(" bars</p>\n");

        html.Append("<h2>Parameters</h2>\n");
        // Sorted: a dictionary's enumeration order is not part of its contract, and the page must not depend on it.
        AppendTable(html, ["Parameter", "Value"], [], result.Parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new[] { Cell(p.Key), Cell(p.Value) }));

        html.Append("<h2>Statistics</h2>\n");
        AppendTable(html, ["Statistic", "Value"], [1], result.Statistics
            .Select(s => new[] { Cell(s.Name), Cell(StatisticFormatter.Format(s)) }));

        html.Append("<h2>Equity and drawdown</h2>\n<figure>\n").Append(InlineSvg(chartSvg)).Append("</figure>\n");

        html.Append("<h2>Trades (").Append(result.Trades.Count).Append(")</h2>\n");
        AppendTable(html,
            ["Symbol", "Direction", "Entry time", "Entry price", "Exit time", "Exit price", "Quantity", "P&L", "Fees", "Net"],
            [3, 5, 6, 7, 8, 9],
            result.Trades.Select(t => new[]
            {
                Cell(t.Symbol), Cell(t.Direction.ToString()),
                Cell(ReportFormat.Time(t.EntryTime)), Cell(ReportFormat.Price(t.EntryPrice)),
                Cell(ReportFormat.Time(t.ExitTime)), Cell(ReportFormat.Price(t.ExitPrice)),
                Cell(ReportFormat.Quantity(t.Quantity)), Cell(StatisticFormatter.Money(t.ProfitLoss)),
                Cell(StatisticFormatter.Money(t.TotalFees)), Cell(StatisticFormatter.Money(t.NetProfitLoss), GainOrLoss(t.NetProfitLoss)),
            }));

        html.Append("<h2>Orders (").Append(result.Orders.Count).Append(")</h2>\n");
        AppendTable(html,
            ["Submitted", "Symbol", "Side", "Type", "Quantity", "Status", "Filled", "Average fill price", "Fees", "Rejection reason"],
            [4, 6, 7, 8],
            result.Orders.Select(o => new[]
            {
                Cell(ReportFormat.Time(o.SubmittedAt)), Cell(o.Symbol), Cell(o.Side.ToSeedName()), Cell(o.Type.ToSeedName()),
                Cell(ReportFormat.Quantity(o.Quantity)), Cell(o.Status.ToString()), Cell(ReportFormat.Quantity(o.FilledQuantity)),
                Cell(o.AverageFillPrice is { } price ? ReportFormat.Price(price) : "-"),
                Cell(StatisticFormatter.Money(o.Fees)), Cell(o.RejectionReason ?? ""),
            }));

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private readonly record struct TableCell(string Text, string? CssClass);

    private static TableCell Cell(string text, string? cssClass = null) => new(text, cssClass);

    private static string? GainOrLoss(decimal value) => value > 0 ? "gain" : value < 0 ? "loss" : null;

    /// <summary>A table, or a short note when there are no rows; <paramref name="numeric"/> columns align right.</summary>
    private static void AppendTable(StringBuilder html, string[] headers, int[] numeric, IEnumerable<TableCell[]> rows)
    {
        var body = new StringBuilder();
        foreach (var row in rows)
        {
            body.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var classes = string.Join(' ', new[] { numeric.Contains(i) ? "num" : null, row[i].CssClass }.OfType<string>());
                body.Append(classes.Length == 0 ? "<td>" : $"<td class=\"{classes}\">").Append(Encode(row[i].Text)).Append("</td>");
            }

            body.Append("</tr>\n");
        }

        if (body.Length == 0)
        {
            html.Append("<p class=\"empty\">None.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr>");
        for (var i = 0; i < headers.Length; i++)
        {
            html.Append(numeric.Contains(i) ? "<th class=\"num\">" : "<th>").Append(Encode(headers[i])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n").Append(body).Append("</tbody>\n</table>\n");
    }

    /// <summary>An SVG document minus its XML declaration, which is not allowed inside HTML.</summary>
    private static string InlineSvg(string svg)
    {
        var trimmed = svg.TrimStart();
        if (trimmed.StartsWith("<?xml", StringComparison.Ordinal))
        {
            trimmed = trimmed[(trimmed.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        }

        return trimmed.EndsWith('\n') ? trimmed : trimmed + "\n";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
