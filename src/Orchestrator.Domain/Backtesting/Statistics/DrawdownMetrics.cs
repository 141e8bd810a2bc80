namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// The deepest fall of an equity series below its running high, and how long the deepest fall took to win back
/// (Lean's <c>Statistics.CalculateDrawdownMetrics</c> and <c>DrawdownMetrics</c>, <c>Common/Statistics/</c>).
/// </summary>
/// <param name="Drawdown">The maximum drawdown as a positive fraction, rounded as Lean rounds it.</param>
/// <param name="RecoveryDays">Calendar days from the high before the maximum drawdown to the first day equity is back
/// at that high; 0 when there is no drawdown or it was never recovered.</param>
public sealed record DrawdownMetrics(decimal Drawdown, int RecoveryDays)
{
    /// <summary>
    /// Measures <paramref name="equity"/>, a series in date order.
    /// </summary>
    /// <remarks>
    /// Drawdown: with the running high h (the first value, then any higher one), each point's drawdown is
    /// equity ÷ h − 1 (points are skipped while h ≤ 0); the result is |min|, rounded to <paramref name="decimals"/>
    /// places (half to even, as <c>Math.Round</c>). PortfolioStatistics rounds to 3 places, so 0.0298 reads 0.030.
    /// <para>
    /// Recovery: for every point where the maximum drawdown is reached, the days from the last point at or above the
    /// high (a later point equal to the high moves it forward) to the first later point back at or above that high;
    /// the longest of those that recovered. This follows Lean's unit tests (<c>DrawdownRecoveryTests</c>:
    /// 100, 90, 100, 90, 80, 100 gives 3; 100, 98, 100, 101, 100, 99 gives 2; a decline never won back gives 0) and
    /// the pull requests that added it ("the longest recovery time from maximum drawdowns"). Lean's source for it was
    /// not available to read; two points are choices: the maximum is found before rounding, and a maximum drawdown
    /// that never recovered is skipped when another one did.
    /// </para>
    /// </remarks>
    /// <param name="equity">Dates and equity values, dates increasing.</param>
    /// <param name="decimals">Decimal places the drawdown is rounded to.</param>
    public static DrawdownMetrics Measure(IReadOnlyList<(DateOnly Date, decimal Equity)> equity, int decimals = 3)
    {
        ArgumentNullException.ThrowIfNull(equity);
        if (equity.Count == 0)
        {
            return new DrawdownMetrics(0, 0);
        }

        var points = new List<(int Index, decimal Drawdown, decimal High, DateOnly HighDate)>();
        var (high, highDate) = (equity[0].Equity, equity[0].Date);
        for (var i = 0; i < equity.Count; i++)
        {
            var (date, value) = equity[i];
            if (value >= high)
            {
                (high, highDate) = (value, date);
            }
            if (high > 0)
            {
                points.Add((i, value / high - 1, high, highDate));
            }
        }
        if (points.Count == 0)
        {
            return new DrawdownMetrics(0, 0);
        }

        var deepest = points.Min(p => p.Drawdown);
        var recovery = 0;
        if (deepest < 0)
        {
            foreach (var point in points.Where(p => p.Drawdown == deepest))
            {
                for (var j = point.Index + 1; j < equity.Count; j++)
                {
                    if (equity[j].Equity >= point.High)
                    {
                        recovery = Math.Max(recovery, equity[j].Date.DayNumber - point.HighDate.DayNumber);
                        break;
                    }
                }
            }
        }
        return new DrawdownMetrics(Math.Round(Math.Abs(deepest), decimals), recovery);
    }
}
