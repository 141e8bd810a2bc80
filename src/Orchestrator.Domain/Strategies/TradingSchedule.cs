using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace Orchestrator.Domain.Strategies;

/// <summary>
/// When a strategy may run (the seed's <c>user_strategies.trading_schedule</c>):
/// <code>{"time_zone":"America/New_York","days":["MON","TUE","WED","THU","FRI"],"start":"09:30","end":"16:00"}</code>
/// A window opens at <see cref="Start"/> on each of <see cref="Days"/> in the zone's wall-clock time and lasts
/// until the next <see cref="End"/>: when <c>end</c> is after <c>start</c> that is the same day; when it is not,
/// the window runs past midnight into the next day (22:00–02:00), and <c>start == end</c> is a full 24 hours.
/// Wall-clock time follows daylight saving (NodaTime's TZDB): 09:30 in New York is 14:30 UTC in winter and
/// 13:30 UTC in summer. On a spring-forward day the skipped local hour never occurs, so a window edge inside
/// it takes effect at the first instant after the gap; on a fall-back day the repeated hour is in the window
/// both times if its wall-clock time is.
/// </summary>
public sealed class TradingSchedule
{
    /// <summary>The JSON spelling of weekdays, indexed by <see cref="DayOfWeek"/> (Sunday 0).</summary>
    private static readonly string[] DayKeys = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly string[] Members = ["time_zone", "days", "start", "end"];

    private readonly DateTimeZone _zone;
    private readonly bool[] _days = new bool[7];

    /// <exception cref="ArgumentException">An unknown zone or no days.</exception>
    public TradingSchedule(string timeZoneId, IEnumerable<DayOfWeek> days, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(timeZoneId);
        ArgumentNullException.ThrowIfNull(days);
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
            ?? throw new ArgumentException($"Unknown time zone '{timeZoneId}' (expected a TZDB id such as America/New_York).", nameof(timeZoneId));
        foreach (var day in days)
        {
            _days[(int)day] = true;
        }

        if (!_days.Contains(true))
        {
            throw new ArgumentException("A schedule needs at least one day.", nameof(days));
        }

        TimeZoneId = timeZoneId;
        Start = start;
        End = end;
    }

    public string TimeZoneId { get; }

    /// <summary>The days a window opens, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> Days =>
        [.. new[] { 1, 2, 3, 4, 5, 6, 0 }.Where(d => _days[d]).Select(d => (DayOfWeek)d)];

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    /// <summary>Whether <paramref name="instant"/> falls in a window of the schedule.</summary>
    public bool IsActive(DateTimeOffset instant)
    {
        var local = Instant.FromDateTimeOffset(instant).InZone(_zone).LocalDateTime;
        var time = local.TimeOfDay.ToTimeOnly();
        var today = (int)local.DayOfWeek % 7;
        var yesterday = (today + 6) % 7;
        if (Start < End)
        {
            return _days[today] && time >= Start && time < End;
        }

        // Past midnight: today's window from Start on, or the rest of yesterday's window before End.
        return (_days[today] && time >= Start) || (_days[yesterday] && time < End);
    }

    /// <summary>Parses the JSON shape above; every error names its member (<c>days[2]</c>, <c>start</c>, ...).</summary>
    public static (TradingSchedule? Schedule, IReadOnlyList<FieldError> Errors) FromJson(JsonElement json)
    {
        var fields = JsonFields.Open(json, "trading_schedule", Members);
        if (!fields.IsObject)
        {
            return (null, fields.Errors);
        }

        var zone = fields.Text("time_zone");
        if (fields.Get("time_zone") is null)
        {
            fields.Error("time_zone", "is required: a TZDB id such as \"America/New_York\".");
        }
        else if (zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            fields.Error("time_zone", $"'{zone}' is not a TZDB time zone (e.g. \"America/New_York\").");
        }

        var days = ReadDays(fields);
        var start = ReadTime(fields, "start");
        var end = ReadTime(fields, "end");
        return fields.Errors.Count > 0 ? (null, fields.Errors) : (new TradingSchedule(zone!, days, start!.Value, end!.Value), []);
    }

    public static (TradingSchedule? Schedule, IReadOnlyList<FieldError> Errors) FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    /// <summary>The canonical JSON: days Monday first, times as HH:mm (HH:mm:ss when they have seconds).</summary>
    public JsonObject ToJson() => new()
    {
        ["time_zone"] = TimeZoneId,
        ["days"] = new JsonArray([.. Days.Select(d => (JsonNode)JsonValue.Create(DayKeys[(int)d]))]),
        ["start"] = Format(Start),
        ["end"] = Format(End),
    };

    private static List<DayOfWeek> ReadDays(JsonFields fields)
    {
        var days = new List<DayOfWeek>();
        if (fields.Get("days") is not { } element)
        {
            fields.Error("days", "is required: a non-empty array of MON, TUE, WED, THU, FRI, SAT, SUN.");
            return days;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            fields.Error("days", "must be a non-empty array of MON, TUE, WED, THU, FRI, SAT, SUN.");
            return days;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var day = item.ValueKind == JsonValueKind.String ? Array.IndexOf(DayKeys, item.GetString()) : -1;
            if (day < 0)
            {
                fields.Error($"days[{index}]", $"{item.GetRawText()} is not a weekday (MON, TUE, WED, THU, FRI, SAT, SUN).");
            }
            else if (days.Contains((DayOfWeek)day))
            {
                fields.Error($"days[{index}]", $"{DayKeys[day]} is listed twice.");
            }
            else
            {
                days.Add((DayOfWeek)day);
            }

            index++;
        }

        return days;
    }

    private static TimeOnly? ReadTime(JsonFields fields, string name)
    {
        if (fields.Get(name) is not { } element)
        {
            fields.Error(name, "is required: a local time HH:mm.");
            return null;
        }

        if (element.ValueKind == JsonValueKind.String
            && TimeOnly.TryParseExact(element.GetString(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        fields.Error(name, $"{element.GetRawText()} is not a local time (HH:mm, 00:00 to 23:59).");
        return null;
    }

    private static string Format(TimeOnly time) =>
        time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
