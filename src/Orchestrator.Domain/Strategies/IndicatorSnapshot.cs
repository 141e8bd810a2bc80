using System.Collections;

namespace Orchestrator.Domain.Strategies;

/// <summary>
/// A signal's indicator values under names the strategy fixes once (e.g. "SMA(10)", "SMA(20)"): one names array
/// shared by all its signals and one small values array per signal, read as a dictionary in the names' order.
/// A <see cref="Dictionary{TKey, TValue}"/> per signal allocates buckets and entries as well, and a strategy that
/// signals on every crossing makes tens of thousands of snapshots in a backtest.
/// </summary>
public sealed class IndicatorSnapshot : IReadOnlyDictionary<string, decimal>
{
    private readonly string[] _names;
    private readonly decimal[] _values;

    /// <param name="names">Distinct names (ordinal), shared: the snapshot never changes them.</param>
    /// <param name="values">One value per name, in the same order.</param>
    public IndicatorSnapshot(string[] names, decimal[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Length != values.Length)
        {
            throw new ArgumentException($"{names.Length} names but {values.Length} values.", nameof(values));
        }

        _names = names;
        _values = values;
    }

    public int Count => _names.Length;

    public IEnumerable<string> Keys => _names;

    public IEnumerable<decimal> Values => _values;

    public decimal this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No indicator named '{key}'.");

    public bool ContainsKey(string key) => Array.IndexOf(_names, key) >= 0;

    public bool TryGetValue(string key, out decimal value)
    {
        var index = Array.IndexOf(_names, key);
        value = index >= 0 ? _values[index] : 0m;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, decimal>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            yield return new KeyValuePair<string, decimal>(_names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
