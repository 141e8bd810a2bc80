using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching.Book;

/// <summary>
/// Everything the exchange knows about one symbol: both sides of our book, the last market seen (bar or quote,
/// whichever came last), the orders waiting to expire, and the symbol's trading hours.
/// </summary>
internal sealed class SymbolBook(string symbol, TradingHours hours)
{
    private DateTimeOffset _dayCloseFrom = DateTimeOffset.MaxValue;
    private DateTimeOffset _dayCloseUntil = DateTimeOffset.MinValue;
    private DateTimeOffset? _dayClose;

    public string Symbol { get; } = symbol;

    public TradingHours Hours { get; } = hours;

    public SideBook Buys { get; } = new(OrderSide.Buy);

    public SideBook Sells { get; } = new(OrderSide.Sell);

    /// <summary>Whether a bar has been seen; matching reads only its close and volume, so only those are kept
    /// (the bar itself is over 100 bytes, copied on every bar of a backtest).</summary>
    public bool HasBar { get; private set; }

    public decimal LastBarClose { get; private set; }

    public decimal LastBarVolume { get; private set; }

    public Quote? LastQuote { get; set; }

    /// <summary>True when the last market data was a quote, false when a bar (or none).</summary>
    public bool LastIsQuote { get; set; }

    /// <summary>By expiry, then sequence; entries done since they were queued are skipped when they come up.</summary>
    public PriorityQueue<BookEntry, (DateTimeOffset At, long Sequence)> Expiries { get; } = new();

    /// <summary>The bar becomes the last market.</summary>
    public void SetLastBar(in Bar bar)
    {
        HasBar = true;
        LastBarClose = bar.Close;
        LastBarVolume = bar.Volume;
        LastIsQuote = false;
    }

    public SideBook SideOf(OrderSide side) => side == OrderSide.Buy ? Buys : Sells;

    /// <summary>No working order and none waiting to expire: a bar only becomes the last market.</summary>
    public bool IsIdle => Expiries.Count == 0 && Buys.IsEmpty && Sells.IsEmpty;

    public decimal? LastPrice => LastIsQuote ? LastQuote?.Mid : HasBar ? LastBarClose : null;

    /// <summary>
    /// When a DAY order accepted at <paramref name="at"/> expires: the close of the session in progress or next.
    /// Cached: every instant before that close maps to it, so the time zone arithmetic runs once per session.
    /// </summary>
    public DateTimeOffset? DayExpiry(DateTimeOffset at)
    {
        if (at < _dayCloseFrom || at >= _dayCloseUntil)
        {
            _dayClose = Hours.SessionClose(at);
            _dayCloseFrom = at;
            _dayCloseUntil = _dayClose ?? DateTimeOffset.MaxValue;
        }

        return _dayClose;
    }
}
