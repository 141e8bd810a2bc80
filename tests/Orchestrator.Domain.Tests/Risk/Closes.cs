using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>Close series for the end-to-end tests: weekdays from Tuesday 2024-01-02, prices built from returns in decimal.</summary>
internal static class Closes
{
    public static DateOnly[] Weekdays(int count)
    {
        var dates = new DateOnly[count];
        var date = new DateOnly(2024, 1, 2);
        for (var t = 0; t < count; t++)
        {
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                date = date.AddDays(1);
            }
            dates[t] = date;
            date = date.AddDays(1);
        }
        return dates;
    }

    /// <summary>close₀ = <paramref name="start"/>, closeₜ₊₁ = closeₜ × (1 + returns[t]), one more close than returns.</summary>
    public static DailyClose[] FromReturns(decimal start, IReadOnlyList<double> returns)
    {
        var dates = Weekdays(returns.Count + 1);
        var closes = new DailyClose[dates.Length];
        var price = start;
        closes[0] = new DailyClose(dates[0], price);
        for (var t = 0; t < returns.Count; t++)
        {
            price *= 1m + (decimal)returns[t];
            closes[t + 1] = new DailyClose(dates[t + 1], price);
        }
        return closes;
    }
}
