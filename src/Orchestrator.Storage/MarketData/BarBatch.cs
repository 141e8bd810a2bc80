using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// One transaction's worth of bars taken from a write's source, checked, with whether any key repeats within it. The
/// PostgreSQL write holds a batch so that it can fall back from a straight COPY to the upsert when the COPY meets a
/// stored row, and fills the next batch while the previous one is being written.
/// </summary>
internal sealed class BarBatch(int capacity)
{
    private readonly List<StoredBar> rows = new(capacity);
    private readonly HashSet<(string Symbol, long Ticks)> keys = new(capacity);

    public IReadOnlyList<StoredBar> Rows => rows;

    public int Count => rows.Count;

    /// <summary>True when two rows of the batch share a key: only the upsert (last row wins) can write it.</summary>
    public bool HasRepeatedKeys { get; private set; }

    public void Clear()
    {
        rows.Clear();
        keys.Clear();
        HasRepeatedKeys = false;
    }

    /// <summary>
    /// Replaces the batch with the next <c>capacity</c> bars of <paramref name="source"/> (fewer at its end); answers
    /// whether the source has ended, after which it must not be asked again.
    /// </summary>
    public async Task<bool> FillAsync(IAsyncEnumerator<StoredBar> source)
    {
        Clear();
        while (rows.Count < capacity)
        {
            if (!await source.MoveNextAsync())
            {
                return true;
            }

            var bar = MinuteBars.Checked(source.Current);
            HasRepeatedKeys |= !keys.Add((bar.Symbol, bar.Start.UtcTicks));
            rows.Add(bar);
        }

        return false;
    }
}
