using System.Runtime.CompilerServices;
using Orchestrator.Domain.Common;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Book;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching;

/// <summary>
/// The paper exchange: matches orders against market data (bars and quotes) instead of a venue, the same way
/// for a backtest and a live paper account. It never changes the caller's <see cref="Order"/>: it keeps its own
/// entry per working order and returns <see cref="ExchangeEvent"/>s, which the order's owner applies
/// (<see cref="Order.ApplyFill"/>, <see cref="Order.Cancel"/>, <see cref="Order.Expire"/>) and persists.
/// The rules are in <see cref="MatchingRules"/>; the volume limits in <see cref="PaperExchangeOptions"/>.
/// <para>
/// Not thread-safe: one caller at a time (the owning writer serializes calls). That keeps the hot path free of
/// locks; run one exchange per writer or put the calls behind one queue.
/// </para>
/// <para>
/// The "last market" of a symbol is whichever of <see cref="OnQuote"/> and <see cref="OnBar"/> was called
/// last for it. Against a quote, our orders on one side together take at most the displayed size; against a
/// bar, at most <see cref="PaperExchangeOptions.ParticipationRate"/> of its volume.
/// </para>
/// </summary>
public sealed partial class PaperExchange
{
    private readonly PaperExchangeOptions _options;
    private readonly Dictionary<string, SymbolBook> _books = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, BookEntry> _orders = [];
    private readonly RecentSymbols<SymbolBook> _recentBooks = new();

    /// <summary>Restored DAY orders whose submission time is unknown: they take the session of the next instant we see.</summary>
    private readonly List<BookEntry> _pendingDayExpiry = [];

    /// <summary>An entry of a submit that did not rest, for the next submit to reuse (one allocation less per such order).</summary>
    private BookEntry? _spare;

    /// <summary>Scratch for the events of the call in progress (calls never nest: not thread-safe, see above).</summary>
    private readonly List<ExchangeEvent> _events = [];
    private long _nextSequence = 1;

    /// <summary>Numbers each matching round (a submit, a bar, a quote): a stop triggered in the current round is still incoming.</summary>
    private long _round;

    public PaperExchange(PaperExchangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ParticipationRate is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ParticipationRate, "ParticipationRate must be in (0, 1].");
        }

        if (options.QuantityIncrement < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.QuantityIncrement, "QuantityIncrement must not be negative.");
        }

        if (options.FirstTradeSequence < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FirstTradeSequence, "FirstTradeSequence must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(options.FeeModel);
        ArgumentNullException.ThrowIfNull(options.SlippageModel);
        ArgumentNullException.ThrowIfNull(options.TradingHoursFor);
        ArgumentNullException.ThrowIfNull(options.TradeIdPrefix);
        _options = options;
        NextTradeSequence = options.FirstTradeSequence;
    }

    /// <summary>The sequence the next fill's trade id will carry.</summary>
    public long NextTradeSequence { get; private set; }

    /// <summary>
    /// Accepts an order: it matches at once against the symbol's last market (aggressive fills, with slippage),
    /// and the remainder rests (IOC: is cancelled; FOK: all or nothing). An order whose GTD date has passed
    /// expires at once. Returns this order's events only.
    /// </summary>
    /// <exception cref="ArgumentException">The order is inconsistent (see <see cref="OrderValidation"/>), terminal, or already working.</exception>
    public IReadOnlyList<ExchangeEvent> Submit(Guid accountId, Order order, DateTimeOffset now)
    {
        var entry = NewEntry(accountId, order);
        var events = Submit(accountId, order, entry, now);
        if (entry.Queue is null)
        {
            _spare = entry; // it did not rest, so nothing refers to it any more
        }

        return events;
    }

    private ExchangeEvent[] Submit(Guid accountId, Order order, BookEntry entry, DateTimeOffset now)
    {
        _events.Clear(); // in case a fee or slippage model threw in the previous call
        var book = BookFor(order.Symbol);
        ResolvePendingDayExpiries(now);
        entry.ExpiresAt = order.TimeInForce switch
        {
            TimeInForce.Day => book.DayExpiry(now),
            TimeInForce.Gtd => order.GoodTillDate,
            _ => null,
        };
        if (entry.ExpiresAt <= now)
        {
            return [new ExchangeEvent(ExchangeEventKind.Expired, accountId, order.OrderId, now, Reason: "good-till date already passed")];
        }

        _round++;
        if (!MatchIncoming(book, entry, now))
        {
            return Drain();
        }

        if (entry.Remaining > 0m)
        {
            if (entry.TimeInForce == TimeInForce.Ioc)
            {
                Add(new ExchangeEvent(ExchangeEventKind.Cancelled, accountId, order.OrderId, now, Reason: "IOC remainder"));
            }
            else
            {
                Rest(book, entry);
            }
        }

        return Drain();
    }

    /// <summary>
    /// A bar of the symbol: expires orders due by its start, triggers stops and fills resting orders (market
    /// and triggered stops, then limits by price and time) within the participation limit, expires orders due
    /// by its end, and becomes the symbol's last market. Fills carry <see cref="Bar.End"/> as their time.
    /// </summary>
    public IReadOnlyList<ExchangeEvent> OnBar(in Bar bar)
    {
        var book = BookFor(bar.Symbol);
        if (book.IsIdle && _pendingDayExpiry.Count == 0)
        {
            // The common case of a backtest: nothing works in this symbol, so the bar only becomes its last market.
            book.SetLastBar(bar);
            return [];
        }

        return MatchBar(book, bar);
    }

    /// <summary>
    /// <see cref="OnBar"/> when something works in the symbol. A method of its own so that the idle case, nearly every
    /// bar of a backtest, does not set up (and zero) the large stack frame matching needs.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ExchangeEvent[] MatchBar(SymbolBook book, in Bar bar)
    {
        _events.Clear();
        ResolvePendingDayExpiries(bar.Start);
        ExpireDue(book, bar.Start);
        book.SetLastBar(bar);
        book.Buys.TakenFromBar = 0m;
        book.Sells.TakenFromBar = 0m;
        _round++;
        var round = MatchRound.ForBar(bar);
        MatchSide(book.Buys, round);
        MatchSide(book.Sells, round);
        ExpireDue(book, bar.End);
        return Drain();
    }

    /// <summary>
    /// A quote of the symbol: expires orders due by its time, becomes the last market, and fills what it makes
    /// marketable, up to the displayed size per side. Market orders and stops (triggered by the ask for buys,
    /// the bid for sells) fill at the ask/bid, aggressively; a resting limit the quote reached fills at its
    /// limit, passively (the market came to it); a stop-limit triggered by this quote fills at the ask/bid,
    /// aggressively (it is incoming).
    /// </summary>
    public IReadOnlyList<ExchangeEvent> OnQuote(Quote quote)
    {
        var book = BookFor(quote.Symbol);
        _events.Clear();
        ResolvePendingDayExpiries(quote.Time);
        ExpireDue(book, quote.Time);
        book.LastQuote = quote;
        book.LastIsQuote = true;
        book.Buys.TakenFromQuote = 0m;
        book.Sells.TakenFromQuote = 0m;
        _round++;
        var round = MatchRound.ForQuote(quote);
        MatchSide(book.Buys, round);
        MatchSide(book.Sells, round);
        return Drain();
    }

    /// <summary>Time passes without market data: expires every order due by <paramref name="now"/>, in every symbol.</summary>
    public IReadOnlyList<ExchangeEvent> AdvanceTime(DateTimeOffset now) => AdvanceTime(now, null);

    /// <summary>
    /// <see cref="AdvanceTime(DateTimeOffset)"/> for every symbol but those <paramref name="frozen"/> names: their
    /// clock is their own market's (a replay of stored bars), which only their bars advance.
    /// </summary>
    public IReadOnlyList<ExchangeEvent> AdvanceTime(DateTimeOffset now, Func<string, bool>? frozen)
    {
        _events.Clear();
        ResolvePendingDayExpiries(now);
        foreach (var book in _books.Values)
        {
            if (frozen?.Invoke(book.Symbol) != true)
            {
                ExpireDue(book, now);
            }
        }

        return Drain();
    }

    /// <summary>The symbol of a working order; null when the order is unknown or done.</summary>
    public string? SymbolOf(Guid orderId) => _orders.TryGetValue(orderId, out var entry) ? entry.Symbol : null;

    /// <summary>Cancels a working order: a Cancelled event, or null when the order is unknown or already done.</summary>
    public ExchangeEvent? Cancel(Guid orderId, DateTimeOffset at)
    {
        if (!_orders.Remove(orderId, out var entry))
        {
            return null;
        }

        entry.Done = true;
        SideBook.Detach(entry);
        return new ExchangeEvent(ExchangeEventKind.Cancelled, entry.AccountId, orderId, at, Reason: "cancel requested");
    }

    /// <summary>
    /// Puts an open order back in the book after a restart, without matching; priority follows call order, so
    /// restore in the original order (by creation time). A DAY order expires at the close of the session of
    /// <paramref name="submittedAt"/>; without it, at the close of the session of the next instant the
    /// exchange sees (pass it: a DAY order restored after its session closed otherwise lives another day).
    /// </summary>
    /// <param name="triggered">A STOP or STOP_LIMIT whose stop was reached before the restart.</param>
    public void Restore(Guid accountId, Order order, DateTimeOffset? submittedAt = null, bool triggered = false)
    {
        var entry = NewEntry(accountId, order);
        entry.Triggered = triggered && order.Type is OrderType.Stop or OrderType.StopLimit;
        var book = BookFor(order.Symbol);
        if (order.TimeInForce == TimeInForce.Day)
        {
            if (submittedAt is { } at)
            {
                entry.ExpiresAt = book.DayExpiry(at);
            }
            else
            {
                _pendingDayExpiry.Add(entry);
            }
        }
        else if (order.TimeInForce == TimeInForce.Gtd)
        {
            entry.ExpiresAt = order.GoodTillDate;
        }

        Rest(book, entry);
    }

    /// <summary>Snapshots of the working orders (of one account, or all), in priority sequence.</summary>
    public IReadOnlyList<RestingOrder> OpenOrders(Guid? accountId = null)
    {
        var open = new List<RestingOrder>();
        foreach (var entry in _orders.Values)
        {
            if (accountId is null || entry.AccountId == accountId)
            {
                open.Add(entry.Snapshot());
            }
        }

        open.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return open;
    }

    /// <summary>The symbol's last price: the last quote's mid or the last bar's close, whichever came last.</summary>
    public decimal? LastPrice(string symbol) => _books.TryGetValue(symbol, out var book) ? book.LastPrice : null;

    private BookEntry NewEntry(Guid accountId, Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (OrderValidation.Validate(order) is { } error)
        {
            throw new ArgumentException(error, nameof(order));
        }

        if (order.Status.IsTerminal())
        {
            throw new ArgumentException($"Order {order.OrderId} is {order.Status.ToSeedName()} and cannot work.", nameof(order));
        }

        if (_orders.ContainsKey(order.OrderId))
        {
            throw new ArgumentException($"Order {order.OrderId} is already working.", nameof(order));
        }

        var entry = _spare ?? new BookEntry();
        _spare = null;
        return entry.Init(accountId, order, _nextSequence++);
    }

    private SymbolBook BookFor(string symbol)
    {
        if (_recentBooks.TryGet(symbol, out var book))
        {
            return book;
        }

        if (!_books.TryGetValue(symbol, out book))
        {
            book = new SymbolBook(symbol, _options.TradingHoursFor(symbol));
            _books.Add(symbol, book);
        }

        _recentBooks.Add(symbol, book);
        return book;
    }

    private void Rest(SymbolBook book, BookEntry entry)
    {
        book.SideOf(entry.Side).Add(entry);
        _orders.Add(entry.OrderId, entry);
        if (entry.ExpiresAt is { } expiry)
        {
            book.Expiries.Enqueue(entry, (expiry, entry.Sequence));
        }
    }

    private void ResolvePendingDayExpiries(DateTimeOffset now)
    {
        if (_pendingDayExpiry.Count == 0)
        {
            return;
        }

        foreach (var entry in _pendingDayExpiry)
        {
            var book = BookFor(entry.Symbol);
            if (!entry.Done && book.DayExpiry(now) is { } expiry)
            {
                entry.ExpiresAt = expiry;
                book.Expiries.Enqueue(entry, (expiry, entry.Sequence));
            }
        }

        _pendingDayExpiry.Clear();
    }

    private void ExpireDue(SymbolBook book, DateTimeOffset now)
    {
        while (book.Expiries.TryPeek(out var entry, out var key) && key.At <= now)
        {
            book.Expiries.Dequeue();
            if (entry.Done)
            {
                continue;
            }

            Finish(entry);
            Add(new ExchangeEvent(ExchangeEventKind.Expired, entry.AccountId, entry.OrderId, key.At));
        }
    }

    /// <summary>Takes a working order out of the book (filled, cancelled or expired).</summary>
    private void Finish(BookEntry entry)
    {
        entry.Done = true;
        SideBook.Detach(entry);
        _orders.Remove(entry.OrderId);
    }

    private void Add(ExchangeEvent e) => _events.Add(e);

    /// <summary>The events of the current call, as an array sized to them (one allocation; the scratch list is reused).</summary>
    private ExchangeEvent[] Drain()
    {
        if (_events.Count == 0)
        {
            return [];
        }

        var events = _events.ToArray();
        _events.Clear();
        return events;
    }
}
