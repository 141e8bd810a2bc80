using System.Globalization;
using System.Text;
using Orchestrator.Domain.Backtesting;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace Orchestrator.Cli.Backtests.Reports;

/// <summary>
/// The equity curve (top) over the drawdown curve (bottom, as a filled negative percent), dates on both x axes,
/// drawn with ScottPlot to PNG or SVG. The same curve gives the same bytes: nothing time- or culture-dependent is
/// drawn (labels are formatted with the invariant culture), the font is embedded (<see cref="ChartFont"/>), and
/// the SVG's clip-path ids are renumbered (<see cref="ChartSvg"/>).
/// </summary>
public sealed class EquityChart
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 600;

    /// <summary>The equity panel's share of the height; the drawdown panel takes the rest.</summary>
    private const float EquityShare = 0.65f;

    // Both panels get the same fixed padding so their data areas, hence their date axes, line up exactly; the
    // right padding leaves room for half of a date label centred on the last tick.
    private const float PadLeft = 90;
    private const float PadRight = 45;
    private const float PadTop = 15;
    private const float PadBottom = 45;

    private static readonly Color EquityColor = Color.FromHex("#1f5fa8");
    private static readonly Color DrawdownColor = Color.FromHex("#c0392b");

    public EquityChart(int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 200);
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] RenderPng(IReadOnlyList<EquityPoint> curve)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not create a raster surface.");
        Draw(surface.Canvas, curve);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    public string RenderSvg(IReadOnlyList<EquityPoint> curve)
    {
        using var stream = new MemoryStream();
        // The SVG canvas writes its document when disposed, so it must be gone before the stream is read.
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(Width, Height), stream))
        {
            Draw(canvas, curve);
        }

        return ChartSvg.Tidy(Encoding.UTF8.GetString(stream.ToArray()), Width, Height);
    }

    private void Draw(SKCanvas canvas, IReadOnlyList<EquityPoint> curve)
    {
        ChartFont.EnsureRegistered();
        var dates = curve.Select(p => p.Time.UtcDateTime.ToOADate()).ToArray();
        var (xMin, xMax) = DateRange(dates);
        var split = MathF.Round(Height * EquityShare);

        canvas.Clear(SKColors.White);
        using var equity = Panel(xMin, xMax, "Equity", v => "$" + v.ToString("#,0", CultureInfo.InvariantCulture));
        var equityLine = equity.Add.ScatterLine(dates, curve.Select(p => (double)p.Equity).ToArray(), EquityColor);
        equityLine.LineWidth = 1.5f;
        equity.Axes.AutoScaleY();
        RenderInto(canvas, equity, new PixelRect(0, Width, split, 0));

        using var drawdown = Panel(xMin, xMax, "Drawdown", v => v.ToString("0.##", CultureInfo.InvariantCulture) + "%");
        var drawdownLine = drawdown.Add.ScatterLine(dates, curve.Select(p => -(double)p.Drawdown * 100).ToArray(), DrawdownColor);
        drawdownLine.FillY = true;
        drawdownLine.FillYValue = 0;
        drawdownLine.FillYColor = DrawdownColor.WithAlpha(0.35);
        // Always show the zero line at the top, and some depth even when the curve never fell.
        var deepest = curve.Count == 0 ? 0 : curve.Min(p => -(double)p.Drawdown * 100);
        drawdown.Axes.SetLimitsY(Math.Min(deepest * 1.1, -1), 0);
        RenderInto(canvas, drawdown, new PixelRect(0, Width, Height, split));
        canvas.Flush();
    }

    /// <summary>A plot clears its canvas before drawing; the clip keeps that clear to its own panel.</summary>
    private static void RenderInto(SKCanvas canvas, Plot plot, PixelRect rect)
    {
        canvas.Save();
        canvas.ClipRect(new SKRect(rect.Left, rect.Top, rect.Right, rect.Bottom));
        plot.Render(canvas, rect);
        canvas.Restore();
    }

    private static Plot Panel(double xMin, double xMax, string yLabel, Func<double, string> yFormat)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFont.Name);
        plot.Layout.Fixed(new PixelPadding(PadLeft, PadRight, PadBottom, PadTop));
        plot.YLabel(yLabel);
        plot.Axes.Left.Label.Bold = false;
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = yFormat };
        var dateAxis = plot.Axes.DateTimeTicksBottom();
        dateAxis.TickGenerator = new DateTimeAutomatic { LabelFormatter = DateLabel };
        plot.Axes.SetLimitsX(xMin, xMax);
        return plot;
    }

    /// <summary>Dates alone at midnight; with a time where the ticks fall within a day (a short curve).</summary>
    private static string DateLabel(DateTime tick) => tick.TimeOfDay == TimeSpan.Zero
        ? tick.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : tick.ToString("yyyy-MM-dd\nHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The curve's span with a small margin; one day either side of a single point (or none).</summary>
    private static (double Min, double Max) DateRange(double[] dates)
    {
        if (dates.Length == 0)
        {
            var anyDay = new DateTime(2000, 1, 1).ToOADate();
            return (anyDay - 1, anyDay + 1);
        }

        var (min, max) = (dates.Min(), dates.Max());
        if (max - min < 1e-9)
        {
            return (min - 1, max + 1);
        }

        var margin = (max - min) * 0.02;
        return (min - margin, max + margin);
    }
}
