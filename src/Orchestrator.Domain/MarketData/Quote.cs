namespace Orchestrator.Domain.MarketData;

/// <summary>The top of a symbol's book at <see cref="Time"/>: best bid and ask with the size displayed at each.</summary>
public readonly record struct Quote(string Symbol, DateTimeOffset Time, decimal Bid, decimal Ask, decimal BidSize, decimal AskSize)
{
    /// <summary>The midpoint, the quote's best single-price estimate of the market.</summary>
    public decimal Mid => (Bid + Ask) / 2m;
}
