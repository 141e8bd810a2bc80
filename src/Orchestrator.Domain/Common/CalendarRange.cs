namespace Orchestrator.Domain.Common;

/// <summary>
/// The calendar the platform's date arithmetic answers for: the years 1900 to 2200. A session's open and close are
/// found by stepping through local days in the symbol's time zone, and a backtest works in instants a session or two
/// either side of its days; near <see cref="DateTimeOffset"/>'s own limits (0001, 9999) that arithmetic overflows (a
/// backtest of 9999-12-30 failed in the queue with "Value to add was out of range"), and no trading calendar means
/// anything there anyway.
/// </summary>
public static class CalendarRange
{
    public static readonly DateOnly FirstDay = new(1900, 1, 1);

    public static readonly DateOnly LastDay = new(2200, 12, 31);

    /// <summary>The first instant in range.</summary>
    public static readonly DateTimeOffset Start = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant past the range (exclusive).</summary>
    public static readonly DateTimeOffset End = new(2201, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Years = "must be in the years 1900 to 2200";

    /// <summary>Why the day is out of range, or null when it is in it.</summary>
    public static string? Problem(DateOnly day) => day < FirstDay || day > LastDay ? Years : null;

    /// <summary>Why the instant is out of range (naming both ends), or null when it is in it.</summary>
    public static string? Problem(DateTimeOffset instant) =>
        instant < Start || instant >= End ? $"{Years}: from 1900-01-01T00:00:00Z, before 2201-01-01T00:00:00Z." : null;
}
