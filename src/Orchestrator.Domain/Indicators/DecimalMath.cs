namespace Orchestrator.Domain.Indicators;

/// <summary>Square root for decimal indicators (standard deviation).</summary>
internal static class DecimalMath
{
    /// <summary>
    /// √x: decimal has no square root, so take double's (about 15–16 significant digits), convert back and
    /// refine with Newton steps y ← (y + x / y) / 2 in decimal, each of which roughly doubles the correct
    /// digits; the result is good to decimal's precision (an exact root such as √2.25 comes out exactly 1.5).
    /// Negative inputs (a variance made slightly negative by rounding) are treated as 0.
    /// </summary>
    public static decimal Sqrt(decimal x)
    {
        if (x <= 0m)
        {
            return 0m;
        }
        var y = (decimal)Math.Sqrt((double)x);
        for (var i = 0; i < 3 && y != 0m; i++)
        {
            var next = (y + x / y) / 2m;
            if (next == y)
            {
                break;
            }
            y = next;
        }
        return y;
    }
}
