namespace Orchestrator.Domain.Backtesting.Trades;

/// <summary>
/// One symbol's open lots, oldest first, and the first-in-first-out matching of a reducing fill against them
/// (Lean's <c>TradeBuilder.ProcessFillUsingFillToFill</c> with <c>FillMatchingMethod.FIFO</c>).
/// </summary>
internal sealed class FifoLots
{
    private readonly Queue<OpenLot> _lots = new();

    /// <summary>
    /// Applies one fill: a fill in the position's direction (or onto no position) queues a new lot; a fill against it
    /// closes lots oldest first, one trade per (lot, fill) pair, and any quantity left over opens a lot the other way.
    /// </summary>
    /// <param name="direction">Long for a buy, Short for a sell.</param>
    /// <param name="closed">Where the closed trades are appended, in closing order.</param>
    public void Apply(string symbol, TradeDirection direction, decimal quantity, decimal price, decimal commission,
        DateTimeOffset time, List<BacktestTrade> closed)
    {
        if (_lots.Count == 0 || _lots.Peek().Direction == direction)
        {
            _lots.Enqueue(new OpenLot(direction, time, price, quantity, commission));
            return;
        }

        var unmatched = quantity;
        var unmatchedCommission = commission;
        while (unmatched > 0 && _lots.Count > 0)
        {
            var lot = _lots.Peek();
            var matched = Math.Min(lot.Quantity, unmatched);
            var entryFee = lot.Take(matched);
            // The exit fill's commission is spread over its pieces the same way: commission × matched ÷ fill quantity.
            var exitFee = matched == unmatched ? unmatchedCommission : unmatchedCommission * matched / unmatched;
            unmatched -= matched;
            unmatchedCommission -= exitFee;
            if (lot.Quantity == 0)
            {
                _lots.Dequeue();
            }

            var perUnit = lot.Direction == TradeDirection.Long ? price - lot.Price : lot.Price - price;
            closed.Add(new BacktestTrade(symbol, lot.Direction, lot.Time, lot.Price, time, price, matched,
                perUnit * matched, entryFee + exitFee));
        }

        if (unmatched > 0)
        {
            // The fill went through zero: the rest opens a position the other way, carrying the rest of the commission.
            _lots.Enqueue(new OpenLot(direction, time, price, unmatched, unmatchedCommission));
        }
    }
}
