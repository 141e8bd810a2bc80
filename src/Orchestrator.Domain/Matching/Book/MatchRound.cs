using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching.Book;

/// <summary>
/// The market data one matching round works against (a bar or a quote), with the prices each kind of entry
/// fills at. The rules themselves are in <see cref="MatchingRules"/>.
/// </summary>
internal readonly struct MatchRound
{
    private MatchRound(bool isQuote, Bar bar, Quote quote, DateTimeOffset at)
    {
        IsQuote = isQuote;
        Bar = bar;
        Quote = quote;
        At = at;
    }

    public bool IsQuote { get; }

    public Bar Bar { get; }

    public Quote Quote { get; }

    /// <summary>The fills' time: the bar's end (when it is known), or the quote's time.</summary>
    public DateTimeOffset At { get; }

    public static MatchRound ForBar(Bar bar) => new(false, bar, default, bar.End);

    public static MatchRound ForQuote(Quote quote) => new(true, default, quote, quote.Time);

    /// <summary>The volume the slippage model sees: the bar's volume, or the size displayed on the side we take.</summary>
    public decimal Volume(OrderSide side) =>
        IsQuote ? (side == OrderSide.Buy ? Quote.AskSize : Quote.BidSize) : Bar.Volume;

    public bool Triggers(OrderSide side, decimal stop) =>
        IsQuote ? MatchingRules.IsStopTriggeredAt(side, stop, QuotePrice(side)) : MatchingRules.IsStopTriggeredByBar(side, stop, Bar);

    public bool ReachesLimit(OrderSide side, decimal limit) =>
        IsQuote ? MatchingRules.IsMarketable(side, limit, QuotePrice(side)) : MatchingRules.IsLimitFilledByBar(side, limit, Bar);

    /// <summary>
    /// Price and liquidity of a fill. <paramref name="incoming"/>: the entry's stop triggered in this round, so it
    /// arrives now (aggressive); a stop triggered earlier is a plain market order, a stop-limit a resting limit.
    /// </summary>
    public (decimal Price, Liquidity Liquidity) PriceFor(BookEntry entry, bool incoming)
    {
        var side = entry.Side;
        if (IsQuote)
        {
            return entry.IsMarketLike || incoming
                ? (QuotePrice(side), Liquidity.Aggressive)
                : (entry.LimitPrice!.Value, Liquidity.Passive);
        }

        var reference = incoming ? MatchingRules.StopFillPrice(side, entry.StopPrice!.Value, Bar.Open) : Bar.Open;
        return entry.Type switch
        {
            OrderType.Market or OrderType.Stop => (reference, Liquidity.Aggressive),
            _ when incoming => (MatchingRules.LimitFillPrice(side, entry.LimitPrice!.Value, reference), Liquidity.Aggressive),
            _ => (MatchingRules.LimitFillPrice(side, entry.LimitPrice!.Value, reference), Liquidity.Passive),
        };
    }

    private decimal QuotePrice(OrderSide side) => side == OrderSide.Buy ? Quote.Ask : Quote.Bid;
}
