using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Orchestrator.Domain.MarketData;

/// <summary>
/// A bar length the stores can aggregate to: 1m, 5m, 15m, 1h or 1d. Intraday intervals divide a UTC day evenly,
/// so their buckets align to UTC midnight (09:35Z, 09:40Z, ...); 1d buckets are a symbol's trading day.
/// </summary>
public readonly record struct BarInterval
{
    private BarInterval(TimeSpan period, string name)
    {
        Period = period;
        Name = name;
    }

    public static BarInterval OneMinute { get; } = new(TimeSpan.FromMinutes(1), "1m");

    public static BarInterval FiveMinutes { get; } = new(TimeSpan.FromMinutes(5), "5m");

    public static BarInterval FifteenMinutes { get; } = new(TimeSpan.FromMinutes(15), "15m");

    public static BarInterval OneHour { get; } = new(TimeSpan.FromHours(1), "1h");

    public static BarInterval OneDay { get; } = new(TimeSpan.FromDays(1), "1d");

    public static IReadOnlyList<BarInterval> All { get; } = [OneMinute, FiveMinutes, FifteenMinutes, OneHour, OneDay];

    public TimeSpan Period { get; }

    /// <summary>The short form: "1m", "5m", "15m", "1h" or "1d".</summary>
    public string Name { get; }

    public bool IsDaily => Period == TimeSpan.FromDays(1);

    /// <summary>The start of the intraday bucket holding <paramref name="instant"/>, in UTC.</summary>
    /// <exception cref="InvalidOperationException">For <see cref="OneDay"/>, whose buckets depend on the symbol's trading day.</exception>
    public DateTimeOffset BucketStart(DateTimeOffset instant)
    {
        if (IsDaily)
        {
            throw new InvalidOperationException("daily buckets depend on the symbol's trading hours");
        }

        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % Period.Ticks), TimeSpan.Zero);
    }

    /// <exception cref="FormatException">Not one of "1m", "5m", "15m", "1h", "1d".</exception>
    public static BarInterval Parse(string text) =>
        TryParse(text, out var interval)
            ? interval
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"unknown bar interval '{text}': use one of 1m, 5m, 15m, 1h, 1d"));

    public static bool TryParse([NotNullWhen(true)] string? text, out BarInterval interval)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                interval = candidate;
                return true;
            }
        }

        interval = default;
        return false;
    }

    public override string ToString() => Name;
}
