using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Domain.Strategies;

/// <summary>
/// Reads the members of a small settings object by hand, so that every error names the member it found wrong
/// and a member that is not one of the known names is an error too (a misspelt key must not pass silently).
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonElement _element;
    private readonly List<FieldError> _errors;

    private JsonFields(JsonElement element, List<FieldError> errors)
    {
        _element = element;
        _errors = errors;
    }

    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>The reader, or null (with an error named <paramref name="whole"/>) when the element is not an object or has unknown members.</summary>
    public static JsonFields Open(JsonElement element, string whole, IReadOnlyCollection<string> known)
    {
        var errors = new List<FieldError>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(whole, "must be a JSON object."));
            return new JsonFields(default, errors);
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors.Add(new FieldError(property.Name, $"is not a known member (expected {string.Join(", ", known)})."));
            }
        }

        return new JsonFields(element, errors);
    }

    public bool IsObject => _element.ValueKind == JsonValueKind.Object;

    public void Error(string field, string message) => _errors.Add(new FieldError(field, message));

    /// <summary>The member, or null when absent or JSON null.</summary>
    public JsonElement? Get(string name) =>
        IsObject && _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>] (null when absent).</summary>
    public decimal? Number(string name, decimal min, decimal max)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Error(name, "must be a number.");
            return null;
        }

        if (number < min || number > max)
        {
            Error(name, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}."));
            return null;
        }

        return number;
    }

    public string? Text(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, "must be a string.");
            return null;
        }

        return value.GetString();
    }
}
