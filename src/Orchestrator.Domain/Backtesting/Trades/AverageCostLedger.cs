namespace Orchestrator.Domain.Backtesting.Trades;

/// <summary>
/// Keeps each symbol's position at its average price, as Lean's portfolio does, to write Lean's transaction record.
/// </summary>
/// <remarks>
/// Lean, <c>Common/Securities/SecurityPortfolioModel.cs</c>, <c>ProcessFill</c>: when a fill reduces a position
/// (a sell while long, a buy while short) it records, once per fill,
/// <c>lastTradeProfit − 2 × fee</c>, where <c>lastTradeProfit</c> = (fill price − average price) × closed quantity
/// for a long ((average − fill price) × quantity for a short), the closed quantity is min(|fill|, |position|), and
/// <c>fee</c> is the whole commission of that fill, not prorated, even when the fill also opens a position the other
/// way. Doubling the exit fee stands in for the entry fee, which Lean does not track per lot. The average price
/// moves only when a fill adds to the position (quantity-weighted); a fill that passes through zero starts the new
/// position at the fill price.
/// </remarks>
internal sealed class AverageCostLedger
{
    private readonly Dictionary<string, (decimal Quantity, decimal AveragePrice)> _holdings = new(StringComparer.Ordinal);
    private readonly List<TransactionRecord> _records = [];

    public IReadOnlyList<TransactionRecord> Records => _records;

    /// <param name="symbol">The fill's symbol.</param>
    /// <param name="signedQuantity">Positive for a buy, negative for a sell.</param>
    /// <param name="price">The fill price.</param>
    /// <param name="commission">The fill's commission.</param>
    /// <param name="time">The fill's time.</param>
    public void Apply(string symbol, decimal signedQuantity, decimal price, decimal commission, DateTimeOffset time)
    {
        _holdings.TryGetValue(symbol, out var holding);
        var (quantity, average) = holding;

        if (quantity != 0 && Math.Sign(quantity) != Math.Sign(signedQuantity))
        {
            var closed = Math.Min(Math.Abs(signedQuantity), Math.Abs(quantity));
            var profit = (price - average) * closed * Math.Sign(quantity);
            _records.Add(new TransactionRecord(time, profit - 2 * commission));
        }

        if (quantity == 0)
        {
            (quantity, average) = (signedQuantity, price);
        }
        else if (Math.Sign(quantity) == Math.Sign(signedQuantity))
        {
            average = (average * quantity + signedQuantity * price) / (quantity + signedQuantity);
            quantity += signedQuantity;
        }
        else
        {
            var before = quantity;
            quantity += signedQuantity;
            if (quantity == 0)
            {
                average = 0;
            }
            else if (Math.Sign(quantity) != Math.Sign(before))
            {
                average = price;
            }
        }

        _holdings[symbol] = (quantity, average);
    }
}
