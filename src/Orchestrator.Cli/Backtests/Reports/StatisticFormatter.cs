using System.Globalization;
using Orchestrator.Domain.Backtesting;

namespace Orchestrator.Cli.Backtests.Reports;

/// <summary>
/// How a statistic reads, in the HTML report and the console table alike: percents to three decimals ("12.345%"
/// for 0.12345, stored as a fraction), money in dollars with cents ("$100,000.00", "-$1,250.50"), ratios to three
/// decimals, counts and days as whole numbers. Always the invariant culture, so a report reads the same anywhere.
/// </summary>
public static class StatisticFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(NamedStatistic statistic)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        return Format(statistic.Value, statistic.Format);
    }

    public static string Format(decimal value, StatisticFormat format) => format switch
    {
        StatisticFormat.Percent => (value * 100m).ToString("#,0.000", Invariant) + "%",
        StatisticFormat.Money => Money(value),
        StatisticFormat.Ratio => value.ToString("#,0.000", Invariant),
        StatisticFormat.Count => value.ToString("0", Invariant),
        StatisticFormat.Days => Days(value),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown statistic format."),
    };

    /// <summary>Dollars with cents; the sign goes before the dollar sign ("-$12.00"), as accountants write it.</summary>
    public static string Money(decimal value) =>
        (value < 0 ? "-$" : "$") + Math.Abs(value).ToString("#,0.00", Invariant);

    private static string Days(decimal value)
    {
        var whole = value.ToString("0", Invariant);
        return whole + (whole == "1" ? " day" : " days");
    }
}
