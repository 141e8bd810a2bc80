namespace Orchestrator.Domain.Matching.Book;

/// <summary>
/// Price levels sorted so that the level matched first is the LAST element: taking from the best level and
/// removing it are O(1), and finding a level is a binary search. Buy limits want the highest price first
/// (ascending order), sell limits the lowest; buy stops trigger lowest first, sell stops highest first.
/// </summary>
internal sealed class PriceLadder(bool bestIsHighest)
{
    private readonly List<OrderQueue> _levels = [];

    public int Count => _levels.Count;

    /// <summary>Level <paramref name="fromBest"/> counted from the best (0 = best).</summary>
    public OrderQueue this[int fromBest] => _levels[_levels.Count - 1 - fromBest];

    public OrderQueue GetOrAdd(decimal price)
    {
        var index = IndexOf(price);
        if (index >= 0)
        {
            return _levels[index];
        }

        var level = new OrderQueue(price);
        _levels.Insert(~index, level);
        return level;
    }

    /// <summary>Removes a level that has no live entries left.</summary>
    public void Remove(OrderQueue level)
    {
        var last = _levels.Count - 1;
        if (last >= 0 && ReferenceEquals(_levels[last], level))
        {
            _levels.RemoveAt(last);
            return;
        }

        var index = IndexOf(level.Price);
        if (index >= 0)
        {
            _levels.RemoveAt(index);
        }
    }

    public OrderQueue? Find(decimal price)
    {
        var index = IndexOf(price);
        return index >= 0 ? _levels[index] : null;
    }

    /// <summary>Binary search in the ladder's order; the complement of the insertion point when absent.</summary>
    private int IndexOf(decimal price)
    {
        int lo = 0, hi = _levels.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _levels[mid].Price.CompareTo(price);
            if (!bestIsHighest)
            {
                c = -c;
            }

            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
