using NodaTime;

namespace Orchestrator.Domain.MarketData;

/// <summary>
/// When a symbol trades: sessions per weekday in the exchange's own time zone, minus holidays. A session is
/// [open, close) in local time on one local date (no session crosses midnight). Local times that a DST change
/// skips or repeats resolve leniently (NodaTime's <c>AtLeniently</c>: a skipped time moves forward, a repeated
/// one takes the earlier instant). The public API speaks BCL types; NodaTime does the zone arithmetic, because
/// <see cref="TimeZoneInfo"/> depends on the host's zone database and NodaTime ships its own TZDB.
/// </summary>
public sealed partial class TradingHours
{
    /// <summary>How far ahead <see cref="SessionOpen"/>/<see cref="SessionClose"/> look for a next session.</summary>
    private const int MaxDaysAhead = 400;

    private readonly DateTimeZone _zone;
    private readonly (LocalTime Open, LocalTime Close)[][] _sessionsByDay = new (LocalTime, LocalTime)[7][];
    private readonly HashSet<DateOnly> _holidays;
    private readonly bool _alwaysOpen;

    /// <param name="timeZoneId">A TZDB zone id, e.g. <c>America/New_York</c>.</param>
    /// <param name="sessions">Sessions per weekday; a missing day has none. Sessions of a day must not overlap.</param>
    /// <param name="holidays">Local dates with no session.</param>
    /// <exception cref="ArgumentException">Unknown zone, a session whose open is not before its close, or overlapping sessions.</exception>
    public TradingHours(
        string timeZoneId,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<(TimeOnly Open, TimeOnly Close)>> sessions,
        IEnumerable<DateOnly> holidays)
        : this(timeZoneId, sessions, holidays, alwaysOpen: false)
    {
    }

    private TradingHours(
        string timeZoneId,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<(TimeOnly Open, TimeOnly Close)>> sessions,
        IEnumerable<DateOnly> holidays,
        bool alwaysOpen)
    {
        ArgumentNullException.ThrowIfNull(timeZoneId);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(holidays);
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
            ?? throw new ArgumentException($"Unknown time zone '{timeZoneId}' (expected a TZDB id such as America/New_York).", nameof(timeZoneId));
        TimeZoneId = timeZoneId;
        _alwaysOpen = alwaysOpen;
        for (var day = 0; day < 7; day++)
        {
            _sessionsByDay[day] = sessions.TryGetValue((DayOfWeek)day, out var list) ? Validated((DayOfWeek)day, list) : [];
        }

        _holidays = [.. holidays];
    }

    /// <summary>US equities' regular session: America/New_York, Monday to Friday 09:30 to 16:00, no holidays.</summary>
    public static TradingHours UsEquities { get; } = new(
        "America/New_York",
        new Dictionary<DayOfWeek, IReadOnlyList<(TimeOnly, TimeOnly)>>
        {
            [DayOfWeek.Monday] = [(new TimeOnly(9, 30), new TimeOnly(16, 0))],
            [DayOfWeek.Tuesday] = [(new TimeOnly(9, 30), new TimeOnly(16, 0))],
            [DayOfWeek.Wednesday] = [(new TimeOnly(9, 30), new TimeOnly(16, 0))],
            [DayOfWeek.Thursday] = [(new TimeOnly(9, 30), new TimeOnly(16, 0))],
            [DayOfWeek.Friday] = [(new TimeOnly(9, 30), new TimeOnly(16, 0))],
        },
        []);

    /// <summary>Open at every instant (crypto): no sessions, so no session open or close, and DAY orders never expire.</summary>
    public static TradingHours AlwaysOpen { get; } = new(
        "UTC", new Dictionary<DayOfWeek, IReadOnlyList<(TimeOnly, TimeOnly)>>(), [], alwaysOpen: true);

    public string TimeZoneId { get; }

    public bool IsAlwaysOpen => _alwaysOpen;

    /// <summary>Sessions per weekday, in local time (empty for a day without sessions and for <see cref="AlwaysOpen"/>).</summary>
    public IReadOnlyList<(TimeOnly Open, TimeOnly Close)> SessionsOn(DayOfWeek day) =>
        Array.ConvertAll(_sessionsByDay[(int)day], s => (s.Open.ToTimeOnly(), s.Close.ToTimeOnly()));

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    public bool IsOpen(DateTimeOffset instant)
    {
        if (_alwaysOpen)
        {
            return true;
        }

        var local = Local(instant);
        if (_holidays.Contains(local.Date.ToDateOnly()))
        {
            return false;
        }

        foreach (var (open, close) in _sessionsByDay[Day(local.DayOfWeek)])
        {
            if (local.TimeOfDay >= open && local.TimeOfDay < close)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The close of the session in progress at <paramref name="instant"/>, else of the next session; null when always open or no session follows.</summary>
    public DateTimeOffset? SessionClose(DateTimeOffset instant) => CurrentOrNext(instant) is { } s ? s.Close : null;

    /// <summary>The open of the session in progress at <paramref name="instant"/>, else of the next session; null when always open or no session follows.</summary>
    public DateTimeOffset? SessionOpen(DateTimeOffset instant) => CurrentOrNext(instant) is { } s ? s.Open : null;

    /// <summary>
    /// The open of the latest session that began at or before <paramref name="instant"/> (the one in progress, or the
    /// last one before it); null when always open or no session began in the last two weeks.
    /// A kill switch set before it has seen a new session (see <c>Risk.KillSwitch.OnSessionOpen</c>).
    /// </summary>
    public DateTimeOffset? LastSessionOpen(DateTimeOffset instant)
    {
        var day = TradingDay(instant);
        for (var i = 0; i < 14; i++, day = day.AddDays(-1))
        {
            if (SessionOpen(StartOfDay(day)) is { } open && open <= instant && TradingDay(open) == day)
            {
                return open;
            }
        }

        return null;
    }

    /// <summary>The local date at <paramref name="instant"/> in the exchange's zone: the day a daily limit counts toward.</summary>
    public DateOnly TradingDay(DateTimeOffset instant) => Local(instant).Date.ToDateOnly();

    /// <summary>The instant the local date <paramref name="day"/> begins in the exchange's zone (a backtest's day boundary).</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => LocalDate.FromDateOnly(day).AtStartOfDayInZone(_zone).ToDateTimeOffset();

    private LocalDateTime Local(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(_zone).LocalDateTime;

    private (DateTimeOffset Open, DateTimeOffset Close)? CurrentOrNext(DateTimeOffset instant)
    {
        if (_alwaysOpen)
        {
            return null;
        }

        var now = Instant.FromDateTimeOffset(instant);
        var date = now.InZone(_zone).Date;
        for (var i = 0; i < MaxDaysAhead; i++, date = date.PlusDays(1))
        {
            if (_holidays.Contains(date.ToDateOnly()))
            {
                continue;
            }

            foreach (var (open, close) in _sessionsByDay[Day(date.DayOfWeek)])
            {
                var closeAt = (date + close).InZoneLeniently(_zone).ToInstant();
                if (now < closeAt)
                {
                    var openAt = (date + open).InZoneLeniently(_zone).ToInstant();
                    return (openAt.ToDateTimeOffset(), closeAt.ToDateTimeOffset());
                }
            }
        }

        return null;
    }

    /// <summary>NodaTime numbers Monday 1 to Sunday 7; the BCL Sunday 0 to Saturday 6.</summary>
    private static int Day(IsoDayOfWeek day) => (int)day % 7;

    private static (LocalTime Open, LocalTime Close)[] Validated(DayOfWeek day, IReadOnlyList<(TimeOnly Open, TimeOnly Close)> sessions)
    {
        var result = new (LocalTime Open, LocalTime Close)[sessions.Count];
        for (var i = 0; i < sessions.Count; i++)
        {
            var (open, close) = sessions[i];
            if (open >= close)
            {
                throw new ArgumentException(
                    $"Session {i} on {day}: open {open:HH\\:mm} must be before close {close:HH\\:mm}.", nameof(sessions));
            }

            result[i] = (LocalTime.FromTimeOnly(open), LocalTime.FromTimeOnly(close));
        }

        Array.Sort(result, (a, b) => a.Open.CompareTo(b.Open));
        for (var i = 1; i < result.Length; i++)
        {
            if (result[i].Open < result[i - 1].Close)
            {
                throw new ArgumentException($"Sessions on {day} overlap at {result[i].Open:HH:mm}.", nameof(sessions));
            }
        }

        return result;
    }
}
