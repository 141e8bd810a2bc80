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

    /// <summary>Adds <paramref name="value"/>; when the window was full, returns the oldest value, now dropped.</summary>
    public decimal? Push(decimal value)
    {
        decimal? dropped = IsFull ? _items[_next] : null;
        _items[_next] = value;
        _next = (_next + 1) % _items.Length;
        if (!IsFull)
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
