namespace Orchestrator.Domain.MarketData;

/// <summary>
/// A bar as the bar stores keep it: the OHLCV <see cref="Bar"/> plus what a 1-minute row of
/// <c>market_data_1m</c> may also carry: the bar's VWAP and the closing quote (best bid and ask with their sizes),
/// each absent when the source had none.
/// </summary>
public readonly record struct StoredBar(
    Bar Bar, decimal? Vwap = null, decimal? Bid = null, decimal? Ask = null, decimal? BidSize = null, decimal? AskSize = null)
{
    public string Symbol => Bar.Symbol;

    public DateTimeOffset Start => Bar.Start;

    public TimeSpan Period => Bar.Period;

    /// <summary>
    /// The price this bar's volume traded at on average: its <see cref="Vwap"/> when known, else the typical price
    /// (high + low + close) / 3, the usual stand-in when only OHLC is known (e.g. TradingView's and TA-Lib's
    /// "typical price").
    /// </summary>
    public decimal AveragePrice => Vwap ?? (Bar.High + Bar.Low + Bar.Close) / 3m;
}
