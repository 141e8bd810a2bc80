using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using Orchestrator.Cli.Backtests.Reports;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Orders;
using Spectre.Console;

namespace Orchestrator.Integration.Tests.Backtests;

/// <summary>The backtest report: report.html, equity.png and equity.svg from a hand-made result.</summary>
public sealed class ReportTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _folder = Directory.CreateTempSubdirectory("orchestrator-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_writer_puts_the_three_files_in_a_directory_it_creates()
    {
        var directory = Path.Combine(_folder, "nested", "run-1");

        var files = BacktestReportWriter.Write(Result(), directory);

        Assert.Equal(Path.Combine(directory, "report.html"), files.HtmlPath);
        Assert.Equal(Path.Combine(directory, "equity.png"), files.PngPath);
        Assert.Equal(Path.Combine(directory, "equity.svg"), files.SvgPath);
        Assert.All(new[] { files.HtmlPath, files.PngPath, files.SvgPath }, path => Assert.True(new FileInfo(path).Length > 0, path));
    }

    [Fact]
    public void The_png_has_the_png_signature_and_the_default_size_in_its_header()
    {
        var files = BacktestReportWriter.Write(Result(), _folder);

        var (width, height) = PngSize(File.ReadAllBytes(files.PngPath));
        Assert.Equal((EquityChart.DefaultWidth, EquityChart.DefaultHeight), (width, height));
        Assert.Equal((1000, 600), (width, height));
    }

    [Fact]
    public void The_png_and_svg_take_the_size_the_chart_is_configured_with()
    {
        var files = BacktestReportWriter.Write(Result(), _folder, new EquityChart(width: 800, height: 450));

        Assert.Equal((800, 450), PngSize(File.ReadAllBytes(files.PngPath)));
        var svg = XDocument.Parse(File.ReadAllText(files.SvgPath)).Root!;
        Assert.Equal("800", svg.Attribute("width")?.Value);
        Assert.Equal("450", svg.Attribute("height")?.Value);
        Assert.Equal("0 0 800 450", svg.Attribute("viewBox")?.Value);
    }

    [Fact]
    public void The_svg_is_a_well_formed_svg_document_with_its_axis_labels_as_text()
    {
        var files = BacktestReportWriter.Write(Result(), _folder);

        var svgText = File.ReadAllText(files.SvgPath);
        Assert.Contains("<svg", svgText, StringComparison.Ordinal);
        var root = XDocument.Parse(svgText).Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), root.Name);
        var texts = root.Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Select(t => t.Value.Trim()).ToList();
        Assert.Contains("Equity", texts);
        Assert.Contains("Drawdown", texts);
        Assert.Contains("2024-01-03", texts);
    }

    [Fact]
    public void The_html_shows_each_statistic_formatted_by_its_kind()
    {
        var html = File.ReadAllText(BacktestReportWriter.Write(Result(), _folder).HtmlPath);

        // 0.12345 as a percent is 12.345%; money has a dollar sign, thousands separators and cents.
        Assert.Contains("<tr><td>Compounding Annual Return</td><td class=\"num\">12.345%</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Start Equity</td><td class=\"num\">$100,000.00</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Net Profit</td><td class=\"num\">-$1,250.50</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Sharpe Ratio</td><td class=\"num\">1.500</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Total Orders</td><td class=\"num\">4</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Drawdown Recovery</td><td class=\"num\">12 days</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_has_the_title_parameters_trades_orders_and_the_chart_inline()
    {
        var html = File.ReadAllText(BacktestReportWriter.Write(Result(), _folder).HtmlPath);

        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<title>Buy &lt;and&gt; hold — A&amp;B, SPY — 2024-01-02 to 2024-01-04</title>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>lookback</td><td>20</td></tr>", html, StringComparison.Ordinal);
        // Trade 1: A&B long 10 @ 100 → 110: P&L 100, fees 2, net 98. Trade 2: SPY short 2 @ 470 → 475: P&L -10, fees 1.50, net -11.50.
        Assert.Contains("<td>A&amp;B</td><td>Long</td><td>2024-01-02 14:30:00Z</td><td class=\"num\">100.00</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num gain\">$98.00</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>SPY</td><td>Short</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num loss\">-$11.50</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Rejected</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>not enough &lt;cash&gt; &amp; margin</td>", html, StringComparison.Ordinal);
        Assert.Contains("<svg viewBox=\"0 0 1000 600\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_encodes_every_value_and_loads_nothing_from_elsewhere()
    {
        var html = File.ReadAllText(BacktestReportWriter.Write(Result(), _folder).HtmlPath);

        Assert.Contains("A&amp;B", html, StringComparison.Ordinal);
        Assert.DoesNotContain("A&B", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<and>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<cash>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Two_writes_of_the_same_result_give_byte_identical_files()
    {
        var first = BacktestReportWriter.Write(Result(), Path.Combine(_folder, "first"));
        var second = BacktestReportWriter.Write(Result(), Path.Combine(_folder, "second"));

        Assert.Equal(File.ReadAllBytes(first.HtmlPath), File.ReadAllBytes(second.HtmlPath));
        Assert.Equal(File.ReadAllBytes(first.PngPath), File.ReadAllBytes(second.PngPath));
        Assert.Equal(File.ReadAllBytes(first.SvgPath), File.ReadAllBytes(second.SvgPath));
    }

    [Theory]
    [InlineData("0.12345", StatisticFormat.Percent, "12.345%")]
    [InlineData("-0.0123", StatisticFormat.Percent, "-1.230%")]
    [InlineData("100000", StatisticFormat.Money, "$100,000.00")]
    [InlineData("-1250.5", StatisticFormat.Money, "-$1,250.50")]
    [InlineData("1.5", StatisticFormat.Ratio, "1.500")]
    [InlineData("-0.12345", StatisticFormat.Ratio, "-0.123")]
    [InlineData("2049", StatisticFormat.Count, "2049")]
    [InlineData("12", StatisticFormat.Days, "12 days")]
    [InlineData("1", StatisticFormat.Days, "1 day")]
    public void Statistic_formats_read_as_specified(string value, StatisticFormat format, string expected) =>
        Assert.Equal(expected, StatisticFormatter.Format(decimal.Parse(value, CultureInfo.InvariantCulture), format));

    [Fact]
    public void The_console_table_formats_the_statistics_as_the_html_does()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;

        console.Write(BacktestStatisticsTable.Create(Result().Statistics));

        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.Contains("Compounding Annual Return", StringComparison.Ordinal) && l.Contains("12.345%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Start Equity", StringComparison.Ordinal) && l.Contains("$100,000.00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Drawdown Recovery", StringComparison.Ordinal) && l.Contains("12 days", StringComparison.Ordinal));
    }

    /// <summary>PNG: an 8-byte signature, then the IHDR chunk (length, "IHDR", width and height as big-endian int32).</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private static BacktestResult Result()
    {
        var day1 = new DateTimeOffset(2024, 1, 2, 21, 0, 0, TimeSpan.Zero);
        return new BacktestResult(
            StrategyName: "Buy <and> hold",
            Symbols: ["A&B", "SPY"],
            StartDate: new DateOnly(2024, 1, 2),
            EndDate: new DateOnly(2024, 1, 4),
            InitialCapital: 100_000m,
            Parameters: new Dictionary<string, string> { ["threshold"] = "0.5", ["lookback"] = "20" },
            Statistics:
            [
                new NamedStatistic("Compounding Annual Return", 0.12345m, StatisticFormat.Percent),
                new NamedStatistic("Start Equity", 100_000m, StatisticFormat.Money),
                new NamedStatistic("Net Profit", -1_250.5m, StatisticFormat.Money),
                new NamedStatistic("Sharpe Ratio", 1.5m, StatisticFormat.Ratio),
                new NamedStatistic("Total Orders", 4m, StatisticFormat.Count),
                new NamedStatistic("Drawdown Recovery", 12m, StatisticFormat.Days),
            ],
            EquityCurve:
            [
                new EquityPoint(day1, 100_000m, 0m),
                new EquityPoint(day1.AddDays(1), 101_000m, 0m),
                // 99,990 is 1,010 under the 101,000 peak: 1,010 / 101,000 = 0.01.
                new EquityPoint(day1.AddDays(2), 99_990m, 0.01m),
            ],
            Trades:
            [
                new BacktestTrade("A&B", TradeDirection.Long, new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero), 100m,
                    new DateTimeOffset(2024, 1, 3, 20, 0, 0, TimeSpan.Zero), 110m, 10m, ProfitLoss: 100m, TotalFees: 2m),
                new BacktestTrade("SPY", TradeDirection.Short, new DateTimeOffset(2024, 1, 3, 14, 30, 0, TimeSpan.Zero), 470m,
                    new DateTimeOffset(2024, 1, 4, 20, 0, 0, TimeSpan.Zero), 475m, 2m, ProfitLoss: -10m, TotalFees: 1.5m),
            ],
            Orders:
            [
                Order("A&B", OrderSide.Buy, 10m, new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero), 100m, 1m),
                Order("A&B", OrderSide.Sell, 10m, new DateTimeOffset(2024, 1, 3, 20, 0, 0, TimeSpan.Zero), 110m, 1m),
                Order("SPY", OrderSide.Sell, 2m, new DateTimeOffset(2024, 1, 3, 14, 30, 0, TimeSpan.Zero), 470m, 0.75m),
                new BacktestOrder(new Guid("00000000-0000-7000-8000-000000000004"), Guid.Empty, "SPY", OrderSide.Buy, OrderType.Market, 50m,
                    new DateTimeOffset(2024, 1, 4, 14, 30, 0, TimeSpan.Zero), OrderStatus.Rejected, 0m, null, 0m, "not enough <cash> & margin"),
            ],
            BarsProcessed: 6);
    }

    private static BacktestOrder Order(string symbol, OrderSide side, decimal quantity, DateTimeOffset at, decimal price, decimal fees) =>
        new(Guid.Empty, Guid.Empty, symbol, side, OrderType.Market, quantity, at, OrderStatus.Filled, quantity, price, fees, null);
}
