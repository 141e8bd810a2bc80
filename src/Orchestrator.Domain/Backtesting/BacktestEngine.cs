using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Backtesting.Statistics;
using Orchestrator.Domain.Common;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Pipeline;

namespace Orchestrator.Domain.Backtesting;

/// <summary>
/// The backtester's event loop, fed one bar at a time in time order (push, so the caller decides where bars
/// come from: a store's stream, a file, memory). Each bar goes through the live path in its order: the paper
/// exchange fills what rests against it, the account applies the fills and marks the position, the strategy
/// sees the bar, its signals become orders (target − position, after the account's pre-trade checks) and go to
/// the exchange, which fills market orders at once against this bar (no look-ahead: a bar is known at its end).
/// At each new trading day the previous day's close is sampled for the statistics.
/// <para>Single-threaded and allocation-free on bars that produce no signal or fill: that is the hot path.</para>
/// </summary>
public sealed partial class BacktestEngine
{
    private readonly BacktestSettings _settings;
    private readonly Strategy _strategy;
    private readonly PaperExchange _exchange;
    private readonly TradingAccount _account;
    private readonly SequentialIds _ids = new();
    private readonly StrategyContext _context;
    private readonly Trades.TradeBuilder _trades = new();
    private readonly List<DailySample> _days = [];
    private readonly List<DateTimeOffset> _dayCloses = [];
    private readonly List<OrderRecord> _orders = [];
    private readonly List<SignalExecution> _executions = [];

    /// <summary>Orders still working after their submit (most fill at once and never enter it).</summary>
    private readonly Dictionary<Guid, OrderRecord> _working = [];
    private OrderRecord? _submitting;
    private readonly List<Signal> _pending = [];
    private readonly HashSet<string> _strategySymbols;
    private readonly Dictionary<string, SymbolState> _symbols = new(StringComparer.Ordinal);
    private readonly RecentSymbols<SymbolState> _recentSymbols = new();

    private DateOnly _day;
    private DateTimeOffset _dayEnd = DateTimeOffset.MinValue;
    private DateTimeOffset _lastBarEnd;
    private decimal _dayNotional;
    private decimal? _benchmarkPrice;
    private decimal _totalFees;
    private bool _initialized;
    private bool _finished;

    public BacktestEngine(BacktestSettings settings, Strategy strategy, IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0)
        {
            throw new ArgumentException("A backtest needs at least one symbol.", nameof(symbols));
        }

        settings.Validate();
        _settings = settings;
        _strategy = strategy;
        _strategySymbols = new HashSet<string>(symbols, StringComparer.Ordinal);
        _exchange = new PaperExchange(new PaperExchangeOptions
        {
            FeeModel = settings.FeeModel,
            SlippageModel = settings.SlippageModel,
            ParticipationRate = settings.ParticipationRate,
            TradingHoursFor = settings.TradingHoursFor,
            TradeIdPrefix = "BT-",
        });
        AccountId = _ids.Next();
        _account = new TradingAccount(AccountId, "USD", settings.InitialCapital, AccountLimits.None, settings.MarginRequirement, _ids.Next);
        _context = new StrategyContext(this, [.. symbols]);
    }

    /// <summary>The simulated account's id (fills and orders carry it).</summary>
    public Guid AccountId { get; }

    public long BarsProcessed { get; private set; }

    /// <summary>The end of the last bar handled: how far the backtest has got.</summary>
    public DateTimeOffset Time => _lastBarEnd;

    /// <summary>The days closed so far, with their equity.</summary>
    public IReadOnlyList<DailySample> Days => _days;

    /// <summary>How many signals the strategy emitted (each order carries its signal's id).</summary>
    public int SignalCount { get; private set; }

    /// <summary>Handles one bar. Bars must come in time order (by start; any symbol order within an instant).</summary>
    public void OnBar(in Bar bar)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The backtest has finished.");
        }

        if (!_initialized)
        {
            _initialized = true;
            _strategy.Initialize(_context);
        }

        if (bar.Start >= _dayEnd)
        {
            RollDay(bar.Start);
        }

        BarsProcessed++;
        _lastBarEnd = bar.End;
        var events = _exchange.OnBar(bar);
        if (events.Count > 0)
        {
            Apply(events);
        }

        if (!_recentSymbols.TryGet(bar.Symbol, out var symbol))
        {
            symbol = SymbolFor(bar.Symbol);
        }

        symbol.LastClose = bar.Close;
        symbol.LastEnd = bar.End;
        if (symbol.IsBenchmark)
        {
            _benchmarkPrice = bar.Close;
        }

        if (!symbol.IsTraded)
        {
            return;
        }

        _context.Time = bar.End;
        _strategy.OnBar(_context, bar);
        if (_pending.Count > 0)
        {
            Route(bar);
        }
    }

    /// <summary>
    /// Marks every open position at its symbol's last close. Positions are valued only when something reads
    /// their value (a signal being sized or checked, a day's close), not on every bar: that keeps the hot path
    /// free of position lookups.
    /// </summary>
    private void MarkPositions()
    {
        foreach (var position in _account.Positions.OpenPositions)
        {
            if (_symbols.TryGetValue(position.Symbol, out var symbol))
            {
                position.Mark(symbol.LastClose, symbol.LastEnd);
            }
        }
    }

    private SymbolState SymbolFor(string name)
    {
        if (!_symbols.TryGetValue(name, out var symbol))
        {
            symbol = new SymbolState(_strategySymbols.Contains(name), name == _settings.BenchmarkSymbol);
            _symbols.Add(name, symbol);
        }

        _recentSymbols.Add(name, symbol);
        return symbol;
    }

    /// <summary>An order of the run, with the signal it came from and the commission its fills have cost.</summary>
    private sealed class OrderRecord(Order order, Guid signalId, Signal signal, DateTimeOffset submittedAt)
    {
        public Order Order { get; } = order;

        public Guid SignalId { get; } = signalId;

        /// <summary>The signal, while the order can still fill (then released: a run keeps no signal it no longer needs).</summary>
        public Signal? Signal { get; set; } = signal;

        public DateTimeOffset SubmittedAt { get; } = submittedAt;

        public decimal Fees { get; set; }
    }

    /// <summary>What the engine keeps per symbol between bars.</summary>
    private sealed class SymbolState(bool isTraded, bool isBenchmark)
    {
        public bool IsTraded { get; } = isTraded;

        public bool IsBenchmark { get; } = isBenchmark;

        public decimal LastClose { get; set; }

        public DateTimeOffset LastEnd { get; set; }
    }

    private void Route(in Bar bar)
    {
        MarkPositions();
        // Copy first: routing may not add signals, but a strategy emitting from OnBar re-entrantly must not break the loop.
        for (var i = 0; i < _pending.Count; i++)
        {
            var signal = _pending[i];
            var signalId = _ids.Next();
            SignalCount++;
            if (signal.ExpiresAt is { } expiry && expiry <= bar.End)
            {
                continue;
            }

            CancelWorking(signal.Symbol, bar.End);
            if (SignalOrders.For(signal, _account.Positions.QuantityOf(signal.Symbol), _ids.Next()) is not { } order)
            {
                continue;
            }

            var record = new OrderRecord(order, signalId, signal, bar.End);
            _orders.Add(record);
            var price = _exchange.LastPrice(signal.Symbol) ?? signal.Price;
            var commission = _settings.FeeModel.Commission(new Matching.Fees.FeeContext(order.Quantity, price, true));
            var tradingDay = _settings.TradingHoursFor(signal.Symbol).TradingDay(bar.End);
            var check = _account.TryAccept(order, price, tradingDay, commission);
            if (!check.IsAccepted)
            {
                _account.Reject(order, check.Violation!.Message);
                record.Signal = null;
                continue;
            }

            _submitting = record;
            Apply(_exchange.Submit(AccountId, order, bar.End));
            _submitting = null;
            if (order.Status.IsTerminal())
            {
                record.Signal = null;
            }
            else
            {
                _working.Add(order.OrderId, record);
            }
        }

        _pending.Clear();
    }

    private void CancelWorking(string symbol, DateTimeOffset at)
    {
        List<Guid>? working = null;
        foreach (var open in _account.OpenOrders)
        {
            if (open.Symbol == symbol)
            {
                (working ??= []).Add(open.OrderId);
            }
        }

        if (working is null)
        {
            return;
        }

        foreach (var orderId in working)
        {
            if (_exchange.Cancel(orderId, at) is { } cancelled)
            {
                _account.ApplyCancel(orderId, cancelled.At, cancelled.Reason);
                Release(orderId);
            }
        }
    }

    private void Apply(IReadOnlyList<ExchangeEvent> events)
    {
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case ExchangeEventKind.Fill:
                    var fill = e.Execution!;
                    var held = _account.Positions.Open(fill.Symbol);
                    var (before, average) = held is null ? (0m, 0m) : (held.Quantity, held.AveragePrice);
                    _account.ApplyExecution(fill);
                    _trades.Apply(fill);
                    _totalFees += fill.Commission;
                    _dayNotional += fill.Quantity * fill.Price;
                    var record = _submitting is { } s && s.Order.OrderId == fill.OrderId ? s : _working[fill.OrderId];
                    record.Fees += fill.Commission;
                    _executions.Add(SignalExecution.Of(record.SignalId, record.Signal!, fill, before, average));
                    if (record.Order.Status.IsTerminal())
                    {
                        _working.Remove(fill.OrderId);
                        record.Signal = null;
                    }

                    break;
                case ExchangeEventKind.Cancelled:
                    _account.ApplyCancel(e.OrderId, e.At, e.Reason);
                    Release(e.OrderId);
                    break;
                case ExchangeEventKind.Expired:
                    _account.ApplyExpire(e.OrderId, e.At);
                    Release(e.OrderId);
                    break;
            }
        }
    }

    /// <summary>An order stopped working before it filled completely (cancelled or expired).</summary>
    private void Release(Guid orderId)
    {
        if (_working.Remove(orderId, out var record))
        {
            record.Signal = null;
        }
    }

    /// <summary>Closes the day in progress (if any) and starts the one <paramref name="start"/> falls in.</summary>
    private void RollDay(DateTimeOffset start)
    {
        CloseDay();
        _day = _settings.Calendar.TradingDay(start);
        _dayEnd = _settings.Calendar.StartOfDay(_day.AddDays(1));
    }

    private void CloseDay()
    {
        if (_dayEnd == DateTimeOffset.MinValue)
        {
            return;
        }

        // Orders still working at the day's end expire by their own rules at the next bar; the sample is the close.
        MarkPositions();
        _days.Add(new DailySample(_day, _account.Balance().PortfolioValue, _benchmarkPrice, _dayNotional));
        _dayCloses.Add(_lastBarEnd);
        _dayNotional = 0m;
    }
}
