namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// The steps every return estimator takes on raw daily closes, in one place so they all treat gaps alike: check a
/// series, intersect calendars (a merge of two ascending date lists) and take returns between consecutive dates of
/// a common calendar. <see cref="AlignedReturns"/> aligns many series this way, <see cref="ReturnCorrelations"/> a pair.
/// </summary>
internal static class CloseSeries
{
    /// <summary>Throws <see cref="ArgumentException"/> for a close ≤ 0 or dates not strictly ascending.</summary>
    public static void Check(string symbol, IReadOnlyList<DailyClose> closes)
    {
        for (var t = 0; t < closes.Count; t++)
        {
            if (closes[t].Close <= 0m)
            {
                throw new ArgumentException($"{symbol}: close {closes[t].Close} on {closes[t].Date:yyyy-MM-dd} is not positive.", nameof(closes));
            }
            if (t > 0 && closes[t].Date <= closes[t - 1].Date)
            {
                throw new ArgumentException($"{symbol}: closes must be in ascending date order, one per date ({closes[t].Date:yyyy-MM-dd}).", nameof(closes));
            }
        }
    }

    /// <summary>The dates of <paramref name="dates"/> that <paramref name="closes"/> also has; both ascending (a merge).</summary>
    public static List<DateOnly> Intersect(IReadOnlyList<DateOnly> dates, IReadOnlyList<DailyClose> closes)
    {
        var common = new List<DateOnly>(Math.Min(dates.Count, closes.Count));
        var (a, b) = (0, 0);
        while (a < dates.Count && b < closes.Count)
        {
            var cmp = dates[a].CompareTo(closes[b].Date);
            if (cmp == 0)
            {
                common.Add(dates[a]);
                a++;
                b++;
            }
            else if (cmp < 0)
            {
                a++;
            }
            else
            {
                b++;
            }
        }
        return common;
    }

    /// <summary>
    /// Returns between consecutive calendar dates, r = close(dₖ) ÷ close(dₖ₋₁) − 1; every calendar date must be in
    /// <paramref name="closes"/> (true by construction of an intersection).
    /// </summary>
    public static double[] ReturnsOn(ReadOnlySpan<DateOnly> calendar, IReadOnlyList<DailyClose> closes)
    {
        var returns = new double[Math.Max(calendar.Length - 1, 0)];
        var b = 0;
        var previous = 0.0;
        for (var t = 0; t < calendar.Length; t++)
        {
            while (closes[b].Date != calendar[t])
            {
                b++;
            }
            var close = (double)closes[b].Close;
            if (t > 0)
            {
                returns[t - 1] = close / previous - 1;
            }
            previous = close;
        }
        return returns;
    }
}
