namespace Orchestrator.Domain.Indicators;

/// <summary>
/// The last <c>Capacity</c> values in a ring buffer: <see cref="Push"/> is O(1) and returns the value that
/// fell out, so windowed sums can be kept incrementally.
/// </summary>
internal sealed class RollingWindow
{
    private readonly decimal[] _items;
    private int _next;

    public RollingWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new decimal[capacity];
    }

    public int Capacity => _items.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _items.Length;

    /// <summary>Adds <paramref name="value"/>; returns the oldest value when the window was full (now dropped), else 0.</summary>
    /// <remarks>0 rather than null: every caller subtracts the dropped value from a running sum, and a
    /// not-yet-full window drops nothing. The wrap is a compare, not a modulo (a division on the per-bar path).</remarks>
    public decimal Push(decimal value)
    {
        var full = IsFull;
        var dropped = full ? _items[_next] : 0m;
        _items[_next] = value;
        if (++_next == _items.Length)
        {
            _next = 0;
        }

        if (!full)
        {
            Count++;
        }

        return dropped;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _next = 0;
        Count = 0;
    }
}
