using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Cli.Backtests.Reports;

/// <summary>Makes Skia's SVG output the same for the same drawing, valid, and fit to inline in a page.</summary>
internal static partial class ChartSvg
{
    public static string Tidy(string svg, int width, int height)
    {
        svg = StableClipIds(svg);
        // Skia ends each glyph-position list with ", " (x="1, 2, "), which is not a valid SVG list.
        svg = TrailingListComma().Replace(svg, "${name}=\"${list}\"");
        // The PNG uses the embedded font; a browser without DejaVu Sans should fall back to a sans face, not serif.
        svg = svg.Replace($"font-family=\"{ChartFont.Name}\"", $"font-family=\"{ChartFont.Name}, Verdana, sans-serif\"", StringComparison.Ordinal);
        // A viewBox lets the page scale the chart to its column (width and height alone fix its pixel size).
        return RootElement().Replace(svg, $"<svg viewBox=\"0 0 {width.ToString(CultureInfo.InvariantCulture)} {height.ToString(CultureInfo.InvariantCulture)}\" ", 1);
    }

    /// <summary>
    /// Skia names clip paths from a process-wide counter (<c>cl_4</c>, then <c>cl_f</c> in the next document), so
    /// the same chart would differ between renders. Renaming them in order of first appearance makes them depend on
    /// the document alone; the prefix keeps them unique when the SVG is inlined in a page.
    /// </summary>
    private static string StableClipIds(string svg)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            var id = m.Groups["id"].Value;
            if (!names.TryGetValue(id, out var name))
            {
                name = "equity-clip-" + names.Count.ToString(CultureInfo.InvariantCulture);
                names.Add(id, name);
            }

            return m.Groups["before"].Value + name + m.Groups["after"].Value;
        });
    }

    [GeneratedRegex("""(?<before>id="|url\(#)(?<id>cl_[0-9a-f]+)(?<after>"|\))""")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"(?<name>\b[xy])=""(?<list>[^""]*?),\s*""")]
    private static partial Regex TrailingListComma();

    [GeneratedRegex("<svg ")]
    private static partial Regex RootElement();
}
