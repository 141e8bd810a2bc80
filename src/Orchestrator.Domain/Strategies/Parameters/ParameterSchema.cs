using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Strategies.Parameters;

/// <summary>
/// A template's parameters: the specs, their defaults as a nested JSON document (the seed's
/// <c>default_parameters</c>), the JSON Schema (draft 2020-12) that validates a user's overrides, and the
/// resolution of overrides into a <see cref="ParameterSet"/>. The schema forbids unknown names
/// (<c>additionalProperties: false</c>) and no parameter is required: a missing one takes its default.
/// </summary>
public sealed class ParameterSchema
{
    private readonly Dictionary<string, ParameterSpec> _specs;

    public ParameterSchema(IReadOnlyList<ParameterSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        Specs = specs;
        _specs = specs.ToDictionary(static s => s.Path, StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (spec.Check(spec.Default) is { } error)
            {
                throw new ArgumentException($"Default of {spec.Path}: {error}", nameof(specs));
            }
        }
    }

    public IReadOnlyList<ParameterSpec> Specs { get; }

    /// <summary>Every parameter at its default.</summary>
    public ParameterSet Defaults => Resolve(new Dictionary<string, object>()).Parameters!;

    /// <summary>The defaults as a nested JSON object.</summary>
    public JsonObject DefaultsJson()
    {
        var root = new JsonObject();
        foreach (var spec in Specs)
        {
            var (parent, leaf) = Parent(root, spec.Path);
            parent[leaf] = ToNode(spec.Default);
        }

        return root;
    }

    /// <summary>A JSON Schema (draft 2020-12) for an overrides document.</summary>
    public JsonObject ToJsonSchema()
    {
        var root = ObjectSchema();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        foreach (var spec in Specs)
        {
            var parts = spec.Path.Split('.');
            var node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                var properties = (JsonObject)node["properties"]!;
                node = properties[parts[i]] as JsonObject ?? (JsonObject)(properties[parts[i]] = ObjectSchema());
            }

            ((JsonObject)node["properties"]!)[parts[^1]] = LeafSchema(spec);
        }

        return root;
    }

    /// <summary>
    /// Applies overrides given as a nested JSON object; unknown names, wrong types and out-of-range values
    /// are errors naming the parameter's path.
    /// </summary>
    public ParameterResolution Resolve(JsonObject? overrides)
    {
        var flat = new Dictionary<string, object>(StringComparer.Ordinal);
        var errors = new List<ParameterError>();
        if (overrides is not null)
        {
            Flatten(overrides, prefix: null, flat, errors);
        }

        return errors.Count > 0 ? new ParameterResolution(null, errors) : Resolve(flat);
    }

    /// <summary>Applies overrides given as "path=value" text (the CLI's <c>--param</c>): each value is parsed as its spec's type.</summary>
    public ParameterResolution Resolve(IEnumerable<KeyValuePair<string, string>> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var errors = new List<ParameterError>();
        foreach (var (path, text) in overrides)
        {
            if (!_specs.TryGetValue(path, out var spec))
            {
                errors.Add(new ParameterError(path, $"{path} is not a parameter of this strategy"));
                continue;
            }

            if (Parse(spec, text) is { } value)
            {
                values[path] = value;
            }
            else
            {
                errors.Add(new ParameterError(path, spec.Check(text) ?? $"{path} must be a {spec.Kind.ToString().ToLowerInvariant()}"));
            }
        }

        return errors.Count > 0 ? new ParameterResolution(null, errors) : Resolve(values);
    }

    /// <summary>Applies typed overrides (int, decimal, string, bool by path).</summary>
    public ParameterResolution Resolve(IReadOnlyDictionary<string, object> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var errors = new List<ParameterError>();
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var spec in Specs)
        {
            values[spec.Path] = spec.Default;
        }

        foreach (var (path, value) in overrides)
        {
            if (!_specs.TryGetValue(path, out var spec))
            {
                errors.Add(new ParameterError(path, $"{path} is not a parameter of this strategy"));
            }
            else if (spec.Check(value) is { } error)
            {
                errors.Add(new ParameterError(path, error));
            }
            else
            {
                values[path] = value;
            }
        }

        return errors.Count > 0 ? new ParameterResolution(null, errors) : new ParameterResolution(new ParameterSet(values), []);
    }

    /// <summary>Only the values that differ from the defaults, as a nested JSON object (what a user overrode).</summary>
    public JsonObject Overrides(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var root = new JsonObject();
        foreach (var spec in Specs)
        {
            var value = parameters.Values[spec.Path];
            if (!Equals(value, spec.Default))
            {
                var (parent, leaf) = Parent(root, spec.Path);
                parent[leaf] = ToNode(value);
            }
        }

        return root;
    }

    /// <summary>Every value of <paramref name="parameters"/> as a nested JSON object.</summary>
    public static JsonObject ToJson(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var root = new JsonObject();
        foreach (var (path, value) in parameters.Values)
        {
            var (parent, leaf) = Parent(root, path);
            parent[leaf] = ToNode(value);
        }

        return root;
    }

    private void Flatten(JsonObject node, string? prefix, Dictionary<string, object> flat, List<ParameterError> errors)
    {
        foreach (var (name, child) in node)
        {
            var path = prefix is null ? name : $"{prefix}.{name}";
            if (child is JsonObject nested && !_specs.ContainsKey(path))
            {
                Flatten(nested, path, flat, errors);
                continue;
            }

            if (!_specs.TryGetValue(path, out var spec))
            {
                errors.Add(new ParameterError(path, $"{path} is not a parameter of this strategy"));
            }
            else if (FromNode(spec, child) is { } value)
            {
                flat[path] = value;
            }
            else
            {
                errors.Add(new ParameterError(path, spec.Check(child?.ToJsonString() ?? "null") ?? $"{path} has the wrong type"));
            }
        }
    }

    private static object? FromNode(ParameterSpec spec, JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return spec.Kind switch
        {
            ParameterKind.Integer when value.TryGetValue<decimal>(out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            ParameterKind.Number when value.TryGetValue<decimal>(out var d) => d,
            ParameterKind.Boolean when value.TryGetValue<bool>(out var b) => b,
            ParameterKind.Choice when value.TryGetValue<string>(out var s) => s,
            _ => null,
        };
    }

    private static object? Parse(ParameterSpec spec, string text) => spec.Kind switch
    {
        ParameterKind.Integer when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        ParameterKind.Number when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        ParameterKind.Boolean when bool.TryParse(text, out var b) => b,
        ParameterKind.Choice => text,
        _ => null,
    };

    /// <summary>A parameter value (int, decimal, bool or string) as a JSON value.</summary>
    public static JsonNode ToNode(object value) => value switch
    {
        int i => JsonValue.Create(i),
        decimal d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create((string)value),
    };

    private static (JsonObject Parent, string Leaf) Parent(JsonObject root, string path)
    {
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = node[parts[i]] as JsonObject ?? (JsonObject)(node[parts[i]] = new JsonObject());
        }

        return (node, parts[^1]);
    }

    private static JsonObject ObjectSchema() => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject(),
    };

    private static JsonObject LeafSchema(ParameterSpec spec)
    {
        var schema = new JsonObject
        {
            ["type"] = spec.Kind switch
            {
                ParameterKind.Integer => "integer",
                ParameterKind.Number => "number",
                ParameterKind.Boolean => "boolean",
                _ => "string",
            },
            ["description"] = spec.Description,
            ["default"] = ToNode(spec.Default),
        };
        if (spec.Minimum is { } min)
        {
            schema["minimum"] = min;
        }

        if (spec.Maximum is { } max)
        {
            schema["maximum"] = max;
        }

        if (spec.Choices is { } choices)
        {
            schema["enum"] = new JsonArray([.. choices.Select(static c => (JsonNode)JsonValue.Create(c))]);
        }

        return schema;
    }
}

/// <summary>A parameter that could not be applied, with the reason naming it.</summary>
public sealed record ParameterError(string Path, string Message);

/// <summary>The resolved parameters, or the errors that prevented them.</summary>
public sealed record ParameterResolution(ParameterSet? Parameters, IReadOnlyList<ParameterError> Errors)
{
    public bool IsValid => Parameters is not null;
}
