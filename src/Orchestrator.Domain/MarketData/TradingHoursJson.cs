using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Domain.MarketData;

/// <summary>
/// The stored form of trading hours (a symbol's or an exchange's configuration):
/// <code>{"timeZone":"America/New_York","sessions":{"MON":[["09:30","16:00"]],...},"holidays":["2026-12-25"]}</code>
/// and <c>{"timeZone":"UTC","alwaysOpen":true}</c> for <see cref="AlwaysOpen"/>. Parsed by hand over
/// <see cref="JsonDocument"/> so that every error names the field it found wrong.
/// </summary>
public sealed partial class TradingHours
{
    private static readonly string[] DayKeys = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <exception cref="FormatException">Malformed JSON or a bad field; the message names the field.</exception>
    public static TradingHours FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Trading hours are not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Trading hours must be a JSON object.");
            }

            if (!root.TryGetProperty("timeZone", out var zoneElement) || zoneElement.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("timeZone: required, a TZDB id such as \"America/New_York\".");
            }

            var zone = zoneElement.GetString()!;
            if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
            {
                throw new FormatException($"timeZone: unknown time zone '{zone}'.");
            }

            if (root.TryGetProperty("alwaysOpen", out var always) && always.ValueKind == JsonValueKind.True)
            {
                return new TradingHours(zone, new Dictionary<DayOfWeek, IReadOnlyList<(TimeOnly, TimeOnly)>>(), [], alwaysOpen: true);
            }

            var sessions = ReadSessions(root);
            var holidays = ReadHolidays(root);
            try
            {
                return new TradingHours(zone, sessions, holidays);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"sessions: {e.Message}", e);
            }
        }
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("timeZone", TimeZoneId);
            if (_alwaysOpen)
            {
                writer.WriteBoolean("alwaysOpen", true);
            }
            else
            {
                writer.WriteStartObject("sessions");
                foreach (var day in (ReadOnlySpan<int>)[1, 2, 3, 4, 5, 6, 0])
                {
                    if (_sessionsByDay[day].Length == 0)
                    {
                        continue;
                    }

                    writer.WriteStartArray(DayKeys[day]);
                    foreach (var (open, close) in _sessionsByDay[day])
                    {
                        writer.WriteStartArray();
                        writer.WriteStringValue(FormatTime(open.ToTimeOnly()));
                        writer.WriteStringValue(FormatTime(close.ToTimeOnly()));
                        writer.WriteEndArray();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                writer.WriteStartArray("holidays");
                foreach (var holiday in _holidays.Order())
                {
                    writer.WriteStringValue(holiday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Dictionary<DayOfWeek, IReadOnlyList<(TimeOnly, TimeOnly)>> ReadSessions(JsonElement root)
    {
        if (!root.TryGetProperty("sessions", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("sessions: required, an object of weekday (MON..SUN) to [[\"HH:mm\",\"HH:mm\"], ...].");
        }

        var sessions = new Dictionary<DayOfWeek, IReadOnlyList<(TimeOnly, TimeOnly)>>();
        foreach (var property in element.EnumerateObject())
        {
            var day = Array.IndexOf(DayKeys, property.Name);
            if (day < 0)
            {
                throw new FormatException($"sessions.{property.Name}: not a weekday (expected one of {string.Join(", ", DayKeys)}).");
            }

            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"sessions.{property.Name}: must be an array of [open, close] pairs.");
            }

            var list = new List<(TimeOnly, TimeOnly)>();
            var index = 0;
            foreach (var pair in property.Value.EnumerateArray())
            {
                var field = $"sessions.{property.Name}[{index++}]";
                if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
                {
                    throw new FormatException($"{field}: must be a pair [\"HH:mm\", \"HH:mm\"].");
                }

                list.Add((ParseTime(pair[0], field), ParseTime(pair[1], field)));
            }

            sessions[(DayOfWeek)day] = list;
        }

        return sessions;
    }

    private static List<DateOnly> ReadHolidays(JsonElement root)
    {
        var holidays = new List<DateOnly>();
        if (!root.TryGetProperty("holidays", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return holidays;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("holidays: must be an array of \"yyyy-MM-dd\" dates.");
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(item.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"holidays[{index}]: {item.GetRawText()} is not a date (yyyy-MM-dd).");
            }

            holidays.Add(date);
            index++;
        }

        return holidays;
    }

    private static TimeOnly ParseTime(JsonElement element, string field)
    {
        if (element.ValueKind == JsonValueKind.String
            && TimeOnly.TryParseExact(element.GetString(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        throw new FormatException($"{field}: {element.GetRawText()} is not a time (HH:mm).");
    }

    private static string FormatTime(TimeOnly time) =>
        time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
