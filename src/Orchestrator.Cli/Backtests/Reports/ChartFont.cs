using ScottPlot;
using SkiaSharp;

namespace Orchestrator.Cli.Backtests.Reports;

/// <summary>
/// The charts draw their text in DejaVu Sans, embedded in this assembly. Two reasons: the native Skia build used
/// here (SkiaSharp.NativeAssets.Linux.NoDependencies, as ScottPlot ships) has no fontconfig, so it sees no system
/// font and every label would be blank; and one font of our own makes a chart the same bytes on every machine.
/// </summary>
internal static class ChartFont
{
    public const string Name = "DejaVu Sans";

    private const string ResourceName = "Orchestrator.Cli.Backtests.Reports.DejaVuSans.ttf";

    private static readonly Lazy<SKData> FontData = new(Load);
    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>
    /// Puts our resolver first in ScottPlot's process-wide list, once. It answers only for <see cref="Name"/>, so
    /// other plots in the process resolve fonts as before.
    /// </summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (!registered)
            {
                Fonts.FontResolvers.Insert(0, new EmbeddedResolver());
                registered = true;
            }
        }
    }

    private static SKData Load()
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The chart font resource '{ResourceName}' is missing from the assembly.");
        return SKData.Create(stream);
    }

    /// <summary>One regular face serves every weight and slant: the charts use no bold or italic on purpose.</summary>
    private sealed class EmbeddedResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Create(fontName);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Create(fontName);

        private static SKTypeface? Create(string fontName) =>
            fontName == Name ? SKTypeface.FromData(FontData.Value) : null;
    }
}
