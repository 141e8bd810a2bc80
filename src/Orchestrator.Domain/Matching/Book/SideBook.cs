using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching.Book;

/// <summary>
/// One side of one symbol's book: market orders and triggered stops (time priority), limits and triggered
/// stop-limits (price, then time), and stops waiting for their price; plus how much of the current bar's
/// and quote's volume our orders on this side have already taken.
/// </summary>
internal sealed class SideBook(OrderSide side)
{
    public OrderSide Side { get; } = side;

    public OrderQueue Market { get; } = new(0m);

    public PriceLadder Limits { get; } = new(bestIsHighest: side == OrderSide.Buy);

    /// <summary>Buy stops trigger lowest first (as the price rises), sell stops highest first.</summary>
    public PriceLadder Stops { get; } = new(bestIsHighest: side == OrderSide.Sell);

    /// <summary>No working order on this side: market data has nothing to match.</summary>
    public bool IsEmpty => Market.Live == 0 && Limits.Count == 0 && Stops.Count == 0;

    public decimal TakenFromBar { get; set; }

    public decimal TakenFromQuote { get; set; }

    /// <summary>Puts an entry where its type and trigger state say it works.</summary>
    public void Add(BookEntry entry)
    {
        if (entry.IsWaitingStop)
        {
            Place(entry, Stops, entry.StopPrice!.Value);
        }
        else if (entry.IsMarketLike)
        {
            entry.Ladder = null;
            entry.Queue = Market;
            Market.Add(entry);
        }
        else
        {
            Place(entry, Limits, entry.LimitPrice!.Value);
        }
    }

    /// <summary>Takes a done entry out of the live counts (and its level out of the ladder when it empties).</summary>
    public static void Detach(BookEntry entry)
    {
        var queue = entry.Queue!;
        queue.OnDone();
        if (queue.Live == 0)
        {
            entry.Ladder?.Remove(queue);
        }

        entry.Queue = null;
        entry.Ladder = null;
    }

    private static void Place(BookEntry entry, PriceLadder ladder, decimal price)
    {
        var level = ladder.GetOrAdd(price);
        entry.Ladder = ladder;
        entry.Queue = level;
        level.Add(entry);
    }
}
