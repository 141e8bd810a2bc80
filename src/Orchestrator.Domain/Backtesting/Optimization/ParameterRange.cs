using System.Globalization;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Backtesting.Optimization;

/// <summary>
/// The values one parameter takes in a grid search. Written as <c>path=from:to:step</c> (inclusive, numeric)
/// or <c>path=a,b,c</c> (a list, any type), e.g. <c>moving_averages.short_period=5:20:5</c> or
/// <c>moving_averages.ma_type=SMA,EMA</c>.
/// </summary>
public sealed record ParameterRange(string Path, IReadOnlyList<object> Values)
{
    /// <summary>Parses <paramref name="text"/> ("path=spec") against the template's schema; null and an error naming the path when it does not fit.</summary>
    public static ParameterRange? Parse(string text, ParameterSchema schema, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(schema);
        error = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"'{text}' is not path=from:to:step or path=a,b,c";
            return null;
        }

        var path = text[..equals];
        var spec = schema.Specs.FirstOrDefault(s => s.Path == path);
        if (spec is null)
        {
            error = $"{path} is not a parameter of this strategy";
            return null;
        }

        var body = text[(equals + 1)..];
        var values = body.Contains(':', StringComparison.Ordinal) ? Steps(spec, body, out error) : List(spec, body, out error);
        if (values is null)
        {
            return null;
        }

        foreach (var value in values)
        {
            if (spec.Check(value) is { } problem)
            {
                error = problem;
                return null;
            }
        }

        return new ParameterRange(path, values);
    }

    private static List<object>? Steps(ParameterSpec spec, string body, out string? error)
    {
        error = null;
        var parts = body.Split(':');
        if (parts.Length != 3 || spec.Kind is not (ParameterKind.Integer or ParameterKind.Number)
            || !decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var from)
            || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var to)
            || !decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var step)
            || step <= 0m || to < from)
        {
            error = $"{spec.Path}: a range is from:to:step with numbers, from <= to and step > 0";
            return null;
        }

        var values = new List<object>();
        for (var v = from; v <= to; v += step)
        {
            // Outside int's range the cast below would throw instead of reporting.
            if (spec.Kind == ParameterKind.Integer && (v != decimal.Truncate(v) || v < int.MinValue || v > int.MaxValue))
            {
                error = $"{spec.Path} must be an integer";
                return null;
            }

            values.Add(spec.Kind == ParameterKind.Integer ? (object)(int)v : v);
            if (values.Count > 10_000)
            {
                error = $"{spec.Path}: more than 10,000 values";
                return null;
            }
        }

        return values;
    }

    private static List<object>? List(ParameterSpec spec, string body, out string? error)
    {
        error = null;
        var values = new List<object>();
        foreach (var item in body.Split(',', StringSplitOptions.TrimEntries))
        {
            object? value = spec.Kind switch
            {
                ParameterKind.Integer when int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
                ParameterKind.Number when decimal.TryParse(item, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
                ParameterKind.Boolean when bool.TryParse(item, out var b) => b,
                ParameterKind.Choice => item,
                _ => null,
            };
            if (value is null)
            {
                var kind = spec.Kind == ParameterKind.Integer ? "an integer" : $"a {spec.Kind.ToString().ToLowerInvariant()}";
                error = $"{spec.Path}: '{item}' is not {kind}";
                return null;
            }

            values.Add(value);
        }

        return values;
    }
}
