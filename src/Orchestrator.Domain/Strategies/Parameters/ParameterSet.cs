using System.Globalization;

namespace Orchestrator.Domain.Strategies.Parameters;

/// <summary>
/// A strategy's resolved parameters: every parameter of its template, with the user's overrides applied and
/// checked. Keyed by dotted path; values are int, decimal, string or bool as the spec says.
/// </summary>
public sealed class ParameterSet
{
    private readonly SortedDictionary<string, object> _values;

    internal ParameterSet(SortedDictionary<string, object> values) => _values = values;

    /// <summary>The values by path, in ordinal path order (stable: reports and stored JSON are byte-identical run to run).</summary>
    public IReadOnlyDictionary<string, object> Values => _values;

    public int Int(string path) => (int)Get(path);

    public decimal Number(string path) => (decimal)Get(path);

    public string Choice(string path) => (string)Get(path);

    public bool Boolean(string path) => (bool)Get(path);

    /// <summary>The values as "path=value" text (invariant culture), for reports and logs.</summary>
    public IEnumerable<KeyValuePair<string, string>> AsText() =>
        _values.Select(static kv => KeyValuePair.Create(kv.Key, Format(kv.Value)));

    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private object Get(string path) =>
        _values.TryGetValue(path, out var value) ? value : throw new KeyNotFoundException($"The strategy has no parameter '{path}'.");
}
