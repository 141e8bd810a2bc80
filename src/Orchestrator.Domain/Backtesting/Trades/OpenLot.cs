namespace Orchestrator.Domain.Backtesting.Trades;

/// <summary>
/// What is left of one fill that opened or added to a position: its remaining quantity and the part of its
/// commission not yet charged to a closed trade.
/// </summary>
internal sealed class OpenLot(TradeDirection direction, DateTimeOffset time, decimal price, decimal quantity, decimal commission)
{
    public TradeDirection Direction { get; } = direction;
    public DateTimeOffset Time { get; } = time;
    public decimal Price { get; } = price;
    public decimal Quantity { get; private set; } = quantity;
    public decimal Commission { get; private set; } = commission;

    /// <summary>
    /// Takes <paramref name="matched"/> off the lot and returns its share of the commission,
    /// commission × matched ÷ quantity. Taking from what remains (rather than from the original amounts) makes the
    /// last piece take exactly the rest, so the pieces add up to the lot's commission without rounding drift.
    /// </summary>
    public decimal Take(decimal matched)
    {
        var fee = matched == Quantity ? Commission : Commission * matched / Quantity;
        Quantity -= matched;
        Commission -= fee;
        return fee;
    }
}
