namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Daily simple returns of the held symbols and the benchmark on one common calendar.
/// </summary>
/// <remarks>
/// <para><b>Gaps.</b> The calendar is the dates on which every held symbol <i>and</i> the benchmark have a close
/// (the intersection); any other date is dropped for all of them. A return is taken between consecutive calendar
/// dates, r = close(dₖ) ÷ close(dₖ₋₁) − 1, so when one symbol misses a session every symbol's return spans the same
/// two sessions: no symbol's move is ever paired with another's over a different interval, and no price is
/// invented (no forward fill, which would show a zero return and then a double one). A benchmark gap costs every
/// figure that day; index benchmarks trade every session, so in practice the calendar is the held symbols'.</para>
/// <para>Returns are double (statistics, not money): close ÷ previous close in binary floating point, whose
/// relative error (about 1e-16) is far below anything the estimators resolve.</para>
/// </remarks>
public sealed class AlignedReturns
{
    private AlignedReturns(IReadOnlyList<string> symbols, DateOnly[] dates, double[][] returns, double[] benchmarkReturns)
    {
        Symbols = symbols;
        Dates = dates;
        Returns = returns;
        BenchmarkReturns = benchmarkReturns;
    }

    /// <summary>The held symbols, in the order of <see cref="Returns"/>.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>The calendar: the dates of the closes (one more than there are returns).</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary><c>Returns[i][t]</c>: symbol i's return from <c>Dates[t]</c> to <c>Dates[t + 1]</c>.</summary>
    public double[][] Returns { get; }

    /// <summary>The benchmark's returns on the same calendar.</summary>
    public double[] BenchmarkReturns { get; }

    /// <summary>Number of daily returns per series.</summary>
    public int Days => BenchmarkReturns.Length;

    /// <summary>
    /// Aligns <paramref name="symbols"/> and the benchmark. Throws <see cref="InsufficientHistoryException"/> when a
    /// symbol has no closes, <see cref="ArgumentException"/> for a series out of date order or with a close ≤ 0.
    /// </summary>
    public static AlignedReturns Align(PriceHistory history, IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(symbols);
        var series = new IReadOnlyList<DailyClose>[symbols.Count];
        for (var i = 0; i < symbols.Count; i++)
        {
            if (!history.Closes.TryGetValue(symbols[i], out var closes) || closes.Count == 0)
            {
                throw InsufficientHistoryException.NoCloses(symbols[i]);
            }
            CloseSeries.Check(symbols[i], closes);
            series[i] = closes;
        }
        if (history.BenchmarkCloses.Count == 0)
        {
            throw InsufficientHistoryException.NoCloses(history.BenchmarkSymbol);
        }
        CloseSeries.Check(history.BenchmarkSymbol, history.BenchmarkCloses);

        var dates = new List<DateOnly>(history.BenchmarkCloses.Count);
        foreach (var close in history.BenchmarkCloses)
        {
            dates.Add(close.Date);
        }
        foreach (var closes in series)
        {
            dates = CloseSeries.Intersect(dates, closes);
        }

        var calendar = dates.ToArray();
        var returns = new double[series.Length][];
        for (var i = 0; i < series.Length; i++)
        {
            returns[i] = CloseSeries.ReturnsOn(calendar, series[i]);
        }
        return new AlignedReturns(symbols, calendar, returns, CloseSeries.ReturnsOn(calendar, history.BenchmarkCloses));
    }
}
