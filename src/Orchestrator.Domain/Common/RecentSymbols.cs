namespace Orchestrator.Domain.Common;

/// <summary>
/// A tiny cache in front of a symbol-keyed dictionary for the per-bar hot path: the last few symbols seen, found
/// by reference. Bars of an instant arrive symbol after symbol in the same order every minute, so the search
/// starts just after the last hit and usually succeeds on its first comparison, where a dictionary lookup must
/// hash the string every time. A miss (another string instance, or more symbols than slots) falls back to the
/// caller's dictionary, which then adds the symbol here.
/// </summary>
public sealed class RecentSymbols<T>
    where T : class
{
    private const int Slots = 32;
    private readonly string?[] _symbols = new string?[Slots];
    private readonly T?[] _values = new T?[Slots];
    private int _next;
    private int _last;
    private int _count;

    public bool TryGet(string symbol, out T value)
    {
        var slot = _last;
        for (var i = 0; i < _count; i++)
        {
            if (++slot >= _count)
            {
                slot = 0;
            }

            if (ReferenceEquals(_symbols[slot], symbol))
            {
                _last = slot;
                value = _values[slot]!;
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>Remembers <paramref name="symbol"/> (this string instance), replacing the oldest slot when full.</summary>
    public void Add(string symbol, T value)
    {
        _symbols[_next] = symbol;
        _values[_next] = value;
        _last = _next;
        _next = (_next + 1) & (Slots - 1);
        _count = Math.Min(_count + 1, Slots);
    }
}
