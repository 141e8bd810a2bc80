using System.Globalization;

namespace Orchestrator.Cli.Backtests.Reports;

/// <summary>How the report prints the trade and order columns that are not statistics.</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>At least cents, and up to eight decimals for crypto prices (the storage's DECIMAL(20,8)).</summary>
    public static string Price(decimal value) => value.ToString("#,0.00######", Invariant);

    /// <summary>Whole shares print as integers; fractional (crypto) quantities keep up to eight decimals.</summary>
    public static string Quantity(decimal value) => value.ToString("#,0.########", Invariant);

    /// <summary>UTC, to the second: the instants are stored in UTC and the report names no time zone of its own.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", Invariant);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", Invariant);
}
