using Orchestrator.Domain.Risk.Metrics;
using Orchestrator.Domain.Risk.Metrics.Numerics;

namespace Orchestrator.Domain.Risk;

/// <summary>
/// The return correlations the max_correlation_exposure rule reads (<see cref="CorrelationMatrix"/>), estimated
/// from daily closes: per pair of symbols, the Pearson correlation of their daily simple returns over the last
/// <see cref="WindowReturns"/> returns they have in common.
/// </summary>
/// <remarks>
/// <para><b>Per pair, not on one calendar.</b> Each pair is aligned on its own common dates (the dates both have a
/// close, as <see cref="AlignedReturns"/> does for a whole book): returns are taken between consecutive common
/// dates, so when one symbol misses a session both returns span the same two sessions and no price is invented.
/// Aligning every symbol of an account on one calendar instead would let one thinly traded symbol shorten every
/// other pair's history.</para>
/// <para><b>Too little history.</b> A pair with fewer than <see cref="MinimumReturns"/> common returns gets no
/// correlation, nor does a pair in which a symbol's price did not move over the window (its return's standard
/// deviation below 1e-10: a constant price, or a constant growth rate up to rounding, where ρ would be noise).
/// Without a correlation the two symbols stand alone: the rule counts neither toward the other.</para>
/// <para>ρ = Σ (aₜ − ā)(bₜ − b̄) ÷ √(Σ (aₜ − ā)² × Σ (bₜ − b̄)²), computed as the dot product of the two
/// standardized series, clamped to [−1, 1] against rounding. Statistics, not money: <see cref="double"/>.</para>
/// <para><b>Cost.</b> Each symbol's last <see cref="WindowReturns"/> + 1 closes are standardized once; the usual
/// pair, two symbols with the same recent sessions, is then one dot product of 60. Only a pair whose recent
/// dates differ is merged and standardized on its own. Both ways compute the same numbers in the same order.</para>
/// </remarks>
public static class ReturnCorrelations
{
    /// <summary>Daily returns per pair: 60 (61 closes), about three months of sessions.</summary>
    public const int WindowReturns = 60;

    /// <summary>Fewer common returns than this: no correlation (a month of sessions).</summary>
    public const int MinimumReturns = 20;

    /// <summary>A return series whose standard deviation is below this did not move.</summary>
    private const double Flat = 1e-10;

    /// <summary>
    /// The correlation matrix of <paramref name="closes"/> (each series ascending by date, one close per date, every
    /// close positive; an empty series stands alone), keeping the pairs with |ρ| &gt; <paramref name="threshold"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A series out of date order or with a close ≤ 0.</exception>
    public static CorrelationMatrix Estimate(
        IReadOnlyDictionary<string, IReadOnlyList<DailyClose>> closes,
        double threshold = CorrelationMatrix.DefaultThreshold,
        int window = WindowReturns,
        int minimum = MinimumReturns)
    {
        ArgumentNullException.ThrowIfNull(closes);
        CheckWindow(window, minimum);
        var series = closes.Where(static kv => kv.Value.Count > 0).OrderBy(static kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => Series.Of(kv.Key, kv.Value, window, minimum)).ToArray();
        var pairs = new List<(string, string, double)>();
        for (var i = 0; i < series.Length; i++)
        {
            for (var j = i + 1; j < series.Length; j++)
            {
                if (Pair(series[i], series[j], window, minimum) is { } rho && Math.Abs(rho) > threshold)
                {
                    pairs.Add((series[i].Symbol, series[j].Symbol, rho));
                }
            }
        }

        return new CorrelationMatrix(pairs, threshold);
    }

    /// <summary>ρ of two symbols' daily returns over their last <paramref name="window"/> common returns; null when there is none (see remarks).</summary>
    /// <exception cref="ArgumentException">A series out of date order or with a close ≤ 0.</exception>
    public static double? Pearson(IReadOnlyList<DailyClose> a, IReadOnlyList<DailyClose> b, int window = WindowReturns, int minimum = MinimumReturns)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckWindow(window, minimum);
        return a.Count == 0 || b.Count == 0 ? null : Pair(Series.Of("a", a, window, minimum), Series.Of("b", b, window, minimum), window, minimum);
    }

    private static void CheckWindow(int window, int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, minimum);
    }

    private static double? Pair(Series a, Series b, int window, int minimum)
    {
        // Same recent sessions: the last common dates are exactly those, and each side's standardized returns are ready.
        if (a.Tail.AsSpan().SequenceEqual(b.Tail))
        {
            return a.Standardized is { } za && b.Standardized is { } zb ? Rho(za, zb) : null;
        }

        var common = CloseSeries.Intersect(a.Dates, b.Closes);
        var calendar = Last(common, window + 1);
        if (calendar.Length - 1 < minimum)
        {
            return null;
        }

        return Standardize(CloseSeries.ReturnsOn(calendar, a.Closes)) is { } sa && Standardize(CloseSeries.ReturnsOn(calendar, b.Closes)) is { } sb
            ? Rho(sa, sb)
            : null;
    }

    private static double Rho(double[] za, double[] zb) => Math.Clamp(VectorOps.Dot(za, zb), -1.0, 1.0);

    private static DateOnly[] Last(IReadOnlyList<DateOnly> dates, int count)
    {
        var take = Math.Min(count, dates.Count);
        var last = new DateOnly[take];
        for (var t = 0; t < take; t++)
        {
            last[t] = dates[dates.Count - take + t];
        }

        return last;
    }

    /// <summary>(xₜ − x̄) ÷ √Σ(xₜ − x̄)², so that the dot product of two such series is their ρ; null when x did not move.</summary>
    private static double[]? Standardize(double[] x)
    {
        var mean = 0.0;
        foreach (var value in x)
        {
            mean += value;
        }

        mean /= x.Length;
        var squares = 0.0;
        var z = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            z[t] = x[t] - mean;
            squares += z[t] * z[t];
        }

        if (Math.Sqrt(squares / x.Length) < Flat)
        {
            return null;
        }

        var scale = 1.0 / Math.Sqrt(squares);
        for (var t = 0; t < z.Length; t++)
        {
            z[t] *= scale;
        }

        return z;
    }

    /// <summary>One symbol's closes, their dates, its last window + 1 dates and the standardized returns over them (null: too few, or flat).</summary>
    private sealed class Series(string symbol, IReadOnlyList<DailyClose> closes, DateOnly[] dates, DateOnly[] tail, double[]? standardized)
    {
        public string Symbol { get; } = symbol;

        public IReadOnlyList<DailyClose> Closes { get; } = closes;

        public DateOnly[] Dates { get; } = dates;

        public DateOnly[] Tail { get; } = tail;

        public double[]? Standardized { get; } = standardized;

        public static Series Of(string symbol, IReadOnlyList<DailyClose> closes, int window, int minimum)
        {
            CloseSeries.Check(symbol, closes);
            var dates = new DateOnly[closes.Count];
            for (var t = 0; t < dates.Length; t++)
            {
                dates[t] = closes[t].Date;
            }

            var tail = Last(dates, window + 1);
            var standardized = tail.Length - 1 < minimum ? null : Standardize(CloseSeries.ReturnsOn(tail, closes));
            return new Series(symbol, closes, dates, tail, standardized);
        }
    }
}
