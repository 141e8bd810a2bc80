using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Orchestrator.Domain.Brokers;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Server.Trading;

/// <summary>
/// The built-in broker: the simulated exchange of <c>Domain/Matching</c> behind the adapter interface a real
/// broker implements. One exchange serves every paper account, so price-time priority and each bar's volume
/// are shared between them as on a real venue. The exchange is single-threaded by design; this class is its
/// lock. Every event it produces after submission is queued to its account's update stream while the lock is
/// held, so each account sees its events in exactly the order the exchange produced them.
/// <para>
/// Each symbol's clock is the wall clock, except while that symbol's last bar or quote came from a replay of stored
/// bars (the replay feed publishes its bars as replayed): then it is the replayed market's time, the end of that bar
/// (or the quote's time). An order in such a symbol submitted or cancelled then happens at that time, so its fills, a
/// DAY order's session and a new position's opening time belong to the replayed day, as the bars that meet them next
/// do; that includes the orders the replay's last bar set off (a protective exit), which the writers place just after
/// it. The wall clock expires nothing in such a symbol (<see cref="AdvanceTime"/>): its bars are its clock. A live bar
/// or quote of the symbol gives it the wall clock back; other symbols keep the wall clock throughout.
/// </para>
/// </summary>
public sealed class PaperBroker(PaperExchangeOptions options) : IBrokerAdapter
{
    public const string BrokerId = "paper";

    private readonly Lock _gate = new();
    private PaperExchange? _exchange;
    private readonly ConcurrentDictionary<Guid, Channel<BrokerOrderUpdate>> _streams = new();
    private readonly Dictionary<Guid, PositionBook> _positions = [];

    /// <summary>Symbols whose last market data came from a replay, with that data's time (under the lock).</summary>
    private readonly Dictionary<string, DateTimeOffset> _replayedClocks = new(StringComparer.Ordinal);

    string IBrokerAdapter.BrokerId => BrokerId;

    /// <summary>Whether <see cref="Start"/> has run: until then there is no book and no order is taken.</summary>
    public bool IsStarted => Volatile.Read(ref _exchange) is not null;

    private PaperExchange Exchange => _exchange ?? throw new TradingNotReadyException();

    /// <summary>
    /// Opens the exchange once the database has been read: trade ids continue after the highest one stored
    /// (<see cref="TradingStartup"/> restores the book right after, under the same lock).
    /// </summary>
    public void Start(long firstTradeSequence)
    {
        lock (_gate)
        {
            _exchange ??= new PaperExchange(options with { FirstTradeSequence = firstTradeSequence });
        }
    }

    /// <summary>Whether the symbol's last market data came from a replay (its clock is that data's time).</summary>
    public bool IsReplayed(string symbol)
    {
        lock (_gate)
        {
            return _replayedClocks.ContainsKey(symbol);
        }
    }

    public Task<BrokerConnectResult> ConnectAsync(BrokerAccountRef account, string? credentialsJson, CancellationToken ct) =>
        Task.FromResult(new BrokerConnectResult(true, null));

    public Task<BrokerOrderAck> SubmitAsync(BrokerAccountRef account, Order order, DateTimeOffset now, CancellationToken ct)
    {
        IReadOnlyList<ExchangeEvent> events;
        lock (_gate)
        {
            events = Exchange.Submit(account.AccountId, order, ClockAt(order.Symbol, now));
            Track(events);
        }

        return Task.FromResult(new BrokerOrderAck(order.OrderId.ToString("N"), events.Select(ToUpdate).ToList()));
    }

    public Task<bool> CancelAsync(BrokerAccountRef account, Guid orderId, DateTimeOffset now, CancellationToken ct)
    {
        lock (_gate)
        {
            if (Exchange.Cancel(orderId, Exchange.SymbolOf(orderId) is { } symbol ? ClockAt(symbol, now) : now) is not { } cancelled)
            {
                return Task.FromResult(false);
            }

            Stream(cancelled.AccountId).Writer.TryWrite(ToUpdate(cancelled));
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<BrokerOrderSnapshot>> OpenOrdersAsync(BrokerAccountRef account, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<BrokerOrderSnapshot> open = Exchange.OpenOrders(account.AccountId)
                .Select(o => new BrokerOrderSnapshot(o.OrderId, o.Symbol, o.Side, o.RemainingQuantity)).ToList();
            return Task.FromResult(open);
        }
    }

    public Task<IReadOnlyList<BrokerPositionSnapshot>> PositionsAsync(BrokerAccountRef account, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<BrokerPositionSnapshot> positions = _positions.TryGetValue(account.AccountId, out var book)
                ? book.OpenPositions.Select(p => new BrokerPositionSnapshot(p.Symbol, p.Quantity, p.AveragePrice)).ToList()
                : [];
            return Task.FromResult(positions);
        }
    }

    public async IAsyncEnumerable<BrokerOrderUpdate> Updates(BrokerAccountRef account, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var update in Stream(account.AccountId).Reader.ReadAllAsync(ct))
        {
            yield return update;
        }
    }

    /// <summary>
    /// A bar of market data: resting orders meet it, and their events go to their accounts' streams. A bar of a replay
    /// (<paramref name="replayed"/>) makes its time the symbol's clock.
    /// </summary>
    public void OnBar(Bar bar, bool replayed = false)
    {
        lock (_gate)
        {
            MarketAt(bar.Symbol, bar.End, replayed);
            Publish(Exchange.OnBar(bar));
        }
    }

    public void OnQuote(Quote quote, bool replayed = false)
    {
        lock (_gate)
        {
            MarketAt(quote.Symbol, quote.Time, replayed);
            Publish(Exchange.OnQuote(quote));
        }
    }

    /// <summary>Expires DAY and good-till-date orders whose time has come, without waiting for a bar (not in a replayed symbol: its bars are its clock).</summary>
    public void AdvanceTime(DateTimeOffset now)
    {
        lock (_gate)
        {
            Publish(_replayedClocks.Count == 0 ? Exchange.AdvanceTime(now) : Exchange.AdvanceTime(now, _replayedClocks.ContainsKey));
        }
    }

    public decimal? LastPrice(string symbol)
    {
        lock (_gate)
        {
            return Exchange.LastPrice(symbol);
        }
    }

    /// <summary>
    /// Puts an account's working order back in the book after a restart (the database is the paper broker's
    /// memory), with the fills it already had, so its remaining quantity is right.
    /// </summary>
    public void Restore(Guid accountId, Order order, DateTimeOffset submittedAt)
    {
        lock (_gate)
        {
            // The submission time places a DAY order in its own session (it expires at that session's close).
            Exchange.Restore(accountId, order, submittedAt);
        }
    }

    /// <summary>Rebuilds the broker's own position view of an account after a restart, for reconciliation.</summary>
    public void RestorePosition(Guid accountId, string symbol, decimal quantity, decimal averagePrice, DateTimeOffset openedAt)
    {
        lock (_gate)
        {
            Book(accountId).Apply(symbol, quantity > 0 ? OrderSide.Buy : OrderSide.Sell, Math.Abs(quantity), averagePrice, openedAt);
        }
    }

    /// <summary>The sequence number of the next trade id.</summary>
    public long NextTradeSequence
    {
        get
        {
            lock (_gate)
            {
                return Exchange.NextTradeSequence;
            }
        }
    }

    /// <summary>The exchange's time in <paramref name="symbol"/> for a request made at <paramref name="wallClock"/> (under the lock).</summary>
    private DateTimeOffset ClockAt(string symbol, DateTimeOffset wallClock) => _replayedClocks.TryGetValue(symbol, out var market) ? market : wallClock;

    /// <summary>The symbol's market showed data of <paramref name="at"/>: replayed (its clock from now on) or live (the wall clock's).</summary>
    private void MarketAt(string symbol, DateTimeOffset at, bool replayed)
    {
        if (replayed)
        {
            _replayedClocks[symbol] = at;
        }
        else
        {
            _replayedClocks.Remove(symbol);
        }
    }

    private void Publish(IReadOnlyList<ExchangeEvent> events)
    {
        Track(events);
        foreach (var e in events)
        {
            Stream(e.AccountId).Writer.TryWrite(ToUpdate(e));
        }
    }

    private void Track(IReadOnlyList<ExchangeEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Execution is { } x)
            {
                Book(x.AccountId).Apply(x.Symbol, x.Side, x.Quantity, x.Price, x.ExchangeTime);
            }
        }
    }

    private PositionBook Book(Guid accountId)
    {
        if (!_positions.TryGetValue(accountId, out var book))
        {
            _positions[accountId] = book = new PositionBook();
        }

        return book;
    }

    private Channel<BrokerOrderUpdate> Stream(Guid accountId) =>
        _streams.GetOrAdd(accountId, _ => Channel.CreateUnbounded<BrokerOrderUpdate>(new UnboundedChannelOptions { SingleReader = true }));

    private static BrokerOrderUpdate ToUpdate(ExchangeEvent e) => e.Kind switch
    {
        ExchangeEventKind.Fill => new BrokerOrderUpdate(BrokerOrderUpdateKind.Fill, e.OrderId, e.At, new BrokerFill(
            e.Execution!.TradeId, e.Execution.Quantity, e.Execution.Price, e.Execution.Commission, e.Execution.Liquidity.ToSeedCode(), e.Execution.ExchangeTime)),
        ExchangeEventKind.Cancelled => new BrokerOrderUpdate(BrokerOrderUpdateKind.Cancelled, e.OrderId, e.At, Reason: e.Reason),
        _ => new BrokerOrderUpdate(BrokerOrderUpdateKind.Expired, e.OrderId, e.At, Reason: e.Reason),
    };
}
