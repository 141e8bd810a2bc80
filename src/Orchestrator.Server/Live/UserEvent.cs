using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.MarketData.Live;

namespace Orchestrator.Server.Live;

/// <summary>
/// One event for one user (a risk alert now; signals, order updates, fills, positions and strategy states later), as
/// it goes to that user's stream sockets: a flat JSON object whose <c>type</c> (snake_case, e.g. <c>risk_alert</c>)
/// comes first and whose other fields are the payload's, in <see cref="LiveEvent.Json"/>'s conventions (camelCase,
/// nulls left out) so a client reads user events and market events alike. The JSON is built once, when the event is
/// made: the memory hub hands it to every socket and the Redis hub publishes it as it is.
/// </summary>
public sealed class UserEvent
{
    private UserEvent(string type, string json)
    {
        Type = type;
        Json = json;
    }

    public string Type { get; }

    /// <summary>The wire form: <c>{"type":...,...payload}</c>.</summary>
    public string Json { get; }

    /// <summary>
    /// An event of <paramref name="type"/> whose fields are <paramref name="payload"/>'s properties (it must serialize to
    /// an object; a <c>type</c> property of its own is left out, the event's type wins).
    /// </summary>
    public static UserEvent Of<T>(string type, T payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var fields = JsonSerializer.SerializeToNode(payload, LiveEvent.Json) as JsonObject
            ?? throw new ArgumentException("A user event's payload must serialize to a JSON object.", nameof(payload));
        var message = new JsonObject { ["type"] = type };
        foreach (var (name, value) in fields.ToList())
        {
            if (name != "type")
            {
                fields.Remove(name);
                message[name] = value;
            }
        }

        return new UserEvent(type, message.ToJsonString(LiveEvent.Json));
    }

    /// <summary>An event read back from its wire form (from Redis), or null when it is not an object with a string <c>type</c>.</summary>
    public static UserEvent? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String && type.GetString() is { Length: > 0 } name
                ? new UserEvent(name, json)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
