namespace Orchestrator.Domain.Matching.Book;

/// <summary>
/// Entries in time priority (by sequence), with lazy deletion: a cancelled or filled entry is marked done and
/// skipped, and the head advances past done entries. Appending is O(1) (new orders have the highest sequence);
/// a stop triggered later keeps its original sequence, so it is inserted in place.
/// </summary>
internal sealed class OrderQueue(decimal price)
{
    private BookEntry?[] _items = new BookEntry?[4];
    private int _head;
    private int _tail;

    /// <summary>The level's price (limit or stop price); 0 for the market queue.</summary>
    public decimal Price { get; } = price;

    /// <summary>Entries not yet done.</summary>
    public int Live { get; private set; }

    public void Add(BookEntry entry)
    {
        if (_tail == _items.Length)
        {
            Grow();
        }

        var at = _tail;
        while (at > _head && _items[at - 1]!.Sequence > entry.Sequence)
        {
            at--;
        }

        Array.Copy(_items, at, _items, at + 1, _tail - at);
        _items[at] = entry;
        _tail++;
        Live++;
    }

    /// <summary>Call after marking an entry of this queue done.</summary>
    public void OnDone()
    {
        Live--;
        if (Live == 0)
        {
            Array.Clear(_items, _head, _tail - _head);
            _head = _tail = 0;
            return;
        }

        while (_items[_head]!.Done)
        {
            _items[_head++] = null;
        }
    }

    /// <summary>The entries in priority order, done ones included (callers skip them). Valid until the queue changes.</summary>
    public ReadOnlySpan<BookEntry?> Entries => _items.AsSpan(_head, _tail - _head);

    private void Grow()
    {
        var live = _tail - _head;
        if (_head > 0 && live < _items.Length / 2)
        {
            Array.Copy(_items, _head, _items, 0, live);
            Array.Clear(_items, live, _tail - live);
        }
        else
        {
            var bigger = new BookEntry?[_items.Length * 2];
            Array.Copy(_items, _head, bigger, 0, live);
            _items = bigger;
        }

        _head = 0;
        _tail = live;
    }
}
