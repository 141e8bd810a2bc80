using Orchestrator.Domain.Backtesting.Statistics;
using Orchestrator.Domain.Common;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Portfolio;
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
    /// <summary>The run's orders in the order they were placed: each slot holds the result once the order is final.</summary>
    private readonly List<BacktestOrder?> _orders = [];
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
        var end = bar.End; // once: Start + Period validates a new DateTimeOffset on every read
        _lastBarEnd = end;
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
        symbol.LastEnd = end;
        if (symbol.IsBenchmark)
        {
            _benchmarkPrice = bar.Close;
        }

        if (!symbol.IsTraded)
        {
            return;
        }

        _context.Time = end;
        _strategy.OnBar(_context, bar);
        if (_pending.Count > 0)
        {
            Route(bar);
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
        _days.Add(new DailySample(_day, _account.PortfolioValue(), _benchmarkPrice, _dayNotional));
        _dayCloses.Add(_lastBarEnd);
        _dayNotional = 0m;
    }
}
