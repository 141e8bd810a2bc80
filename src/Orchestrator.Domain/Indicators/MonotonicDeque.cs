namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Sliding-window extreme in amortised O(1): a deque of (position, value) whose values are monotonic from front
/// to back (decreasing for a maximum, increasing for a minimum). A new value first removes from the back every
/// value it dominates (they can never be the extreme again), then the front is dropped once it leaves the
/// window; the front is the window's extreme. Each value enters and leaves once, hence amortised O(1).
/// Stored in a ring buffer of the window's size, which the deque never exceeds.
/// </summary>
internal sealed class MonotonicDeque
{
    private readonly (long Position, decimal Value)[] _items;
    private readonly bool _maximum;
    private int _head;
    private int _count;
    private long _position = -1;

    public MonotonicDeque(int window, bool maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _items = new (long, decimal)[window];
        _maximum = maximum;
    }

    /// <summary>The extreme of the last window values pushed.</summary>
    public decimal Extreme => _items[_head].Value;

    /// <summary>How many pushes ago the extreme arrived (0 = the latest value); the latest such on ties.</summary>
    public int Age => (int)(_position - _items[_head].Position);

    public void Push(decimal value)
    {
        _position++;
        while (_count > 0 && Dominates(value, _items[Index(_count - 1)].Value))
        {
            _count--;
        }
        if (_count > 0 && _items[_head].Position <= _position - _items.Length)
        {
            _head = (_head + 1) % _items.Length;
            _count--;
        }
        _items[Index(_count)] = (_position, value);
        _count++;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
        _position = -1;
    }

    private bool Dominates(decimal value, decimal other) => _maximum ? value >= other : value <= other;

    private int Index(int offset) => (_head + offset) % _items.Length;
}
