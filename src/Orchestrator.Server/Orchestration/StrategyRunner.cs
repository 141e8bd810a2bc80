using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Live;
using Orchestrator.Server.Risk;
using Orchestrator.Server.Risk.KillSwitch;
using Orchestrator.Server.Strategies;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Orchestration;

/// <summary>
/// Runs every active user strategy on the live feed (the replay feed now; a broker's feed later), each as its own
/// <see cref="StrategyUnit"/>. Bars come from the <see cref="MarketFeed"/> (<see cref="IBarConsumer"/>) and go to
/// the units trading their symbol. A unit that throws, or whose call into strategy code runs past
/// <see cref="StrategyRunnerOptions.CallTimeout"/>, is disabled alone: <c>is_active</c> false, run_state
/// DISABLED with the reason, an audit row, a HIGH risk alert and a <c>strategy_state</c> event. The user's kill
/// switch stops the user's units when it halts (run_state HALTED) and restarts them when trading resumes.
/// Strategies whose orders filled get their performance columns recomputed every few seconds.
/// </summary>
public sealed partial class StrategyRunner : BackgroundService, IBarConsumer
{
    internal static readonly Actor RunnerActor = Actor.Platform("strategy runner", "strategies/runner");

    private readonly ConcurrentDictionary<Guid, StrategyUnit> _units = new();
    private readonly ConcurrentDictionary<Guid, byte> _filled = new();
    private readonly Lock _routing = new();
    private readonly ConnectionFactory _connections;
    private readonly AccountWriters _writers;
    private readonly TradingContext _trading;
    private readonly StrategyTemplates _templates;
    private readonly SignalRouter _router;
    private readonly IUserEventHub _events;
    private readonly RiskAlertPublisher _alerts;
    private readonly AuditTrail _audit;
    private readonly IServiceScopeFactory _scopes;
    private readonly StrategyRunnerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<StrategyRunner> _log;
    private readonly IBarStore _bars;
    private readonly TradingOwnership _ownership;
    private Dictionary<string, StrategyUnit[]> _bySymbol = new(StringComparer.Ordinal);

    public StrategyRunner(ConnectionFactory connections, AccountWriters writers, TradingContext trading, StrategyTemplates templates, IUserEventHub events,
        RiskAlertPublisher alerts, AuditTrail audit, KillSwitchService killSwitch, TradingOwnership ownership, IServiceScopeFactory scopes,
        IOptions<StrategyRunnerOptions> options, TimeProvider time, ILoggerFactory logs, IBarStore bars)
    {
        _ownership = ownership;
        _bars = bars;
        _connections = connections;
        _writers = writers;
        _trading = trading;
        _templates = templates;
        _events = events;
        _alerts = alerts;
        _audit = audit;
        _scopes = scopes;
        _options = options.Value;
        _time = time;
        _log = logs.CreateLogger<StrategyRunner>();
        _router = new SignalRouter(writers, connections, events, time, logs.CreateLogger<SignalRouter>());
        _router.Filled += id => _filled.TryAdd(id, 0);
        killSwitch.Changed += OnKillSwitch;
    }

    /// <summary>The strategies running now, by id.</summary>
    public IReadOnlyCollection<Guid> Running => [.. _units.Keys];

    /// <summary>How many bars a running strategy has taken and how many signals it has routed (null when it is not running).</summary>
    public (long Bars, long Signals)? Progress(Guid strategyId) =>
        _units.TryGetValue(strategyId, out var unit) ? (unit.BarsSeen, unit.SignalsRouted) : null;

    /// <summary>The symbols a running strategy trades (null when it is not running).</summary>
    public IReadOnlyList<string>? SymbolsOf(Guid strategyId) => _units.TryGetValue(strategyId, out var unit) ? unit.Definition.Symbols : null;

    /// <summary>How many bars a running strategy has finished with (taken and routed, or skipped); null when it is not running.</summary>
    public long? BarsHandled(Guid strategyId) => _units.TryGetValue(strategyId, out var unit) ? unit.BarsHandled : null;

    public void OnBar(in Bar bar)
    {
        if (Volatile.Read(ref _bySymbol).TryGetValue(bar.Symbol, out var units))
        {
            foreach (var unit in units)
            {
                unit.Post(bar);
            }
        }
    }

    /// <summary>
    /// Starts (or restarts) a strategy as stored: active, with an account and symbols. Returns the reason it cannot run,
    /// or null once it runs (HALTED users' strategies are marked HALTED instead and start when trading resumes).
    /// </summary>
    public async Task<string?> StartAsync(Guid strategyId, CancellationToken ct)
    {
        await using var db = OrchestratorDbContext.Create(_connections);
        var found = await RunningStrategies.LoadAsync(db, _templates, null, strategyId, ct);
        if (found is not [var (_, userId, definition, problem)])
        {
            return "it is not active with an account and symbols";
        }

        if (definition is null)
        {
            await SetStateAsync(strategyId, userId, StrategyRunStates.Disabled, problem!, deactivate: true, ct);
            return problem;
        }

        var halted = await db.Users.AsNoTracking().AnyAsync(u => u.UserId == userId && u.TradingState == "HALTED", ct);
        if (halted)
        {
            await SetStateAsync(strategyId, userId, StrategyRunStates.Halted, "trading is HALTED", deactivate: false, ct);
            return null;
        }

        await LaunchAsync(definition, ct);
        await SetStateAsync(strategyId, userId, StrategyRunStates.Running, "started", deactivate: false, ct);
        return null;
    }

    /// <summary>Stops a running strategy (its unit finishes the bar in hand) and records the new state.</summary>
    public async Task StopAsync(Guid strategyId, Guid userId, string state, string reason, bool deactivate, CancellationToken ct)
    {
        await RetireAsync(strategyId, TimeSpan.FromSeconds(10));
        await SetStateAsync(strategyId, userId, state, reason, deactivate, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunnerEnabled)
        {
            return;
        }

        // Off the host's start path, and again after a failure: an unreachable database must not stop the server. Only
        // the process that runs trading runs strategies (a standby starts them when it takes over).
        await Task.Yield();
        await _ownership.WhenReady.WaitAsync(stoppingToken);
        while (true)
        {
            try
            {
                await StartStoredAsync(stoppingToken);
                break;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogStoredFailed(error);
                await Task.Delay(TimeSpan.FromSeconds(5), _time, stoppingToken);
            }
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        var lastRefresh = _time.GetUtcNow();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await WatchAsync(stoppingToken);
            if (_time.GetUtcNow() - lastRefresh >= _options.PerformanceInterval)
            {
                lastRefresh = _time.GetUtcNow();
                await RefreshPerformanceAsync(stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_units.Keys.Select(id => RetireAsync(id, TimeSpan.FromSeconds(5))));
        await RefreshPerformanceAsync(CancellationToken.None);
    }

    /// <summary>At start: every stored active strategy with an account and symbols runs again (RUNNING or HALTED ones).</summary>
    private async Task StartStoredAsync(CancellationToken ct)
    {
        List<Guid> ids;
        await using (var db = OrchestratorDbContext.Create(_connections))
        {
            ids = await db.UserStrategies.AsNoTracking()
                .Where(u => u.IsActive == true && u.AccountId != null && u.Symbols != null && u.RunState != StrategyRunStates.Disabled)
                .Select(u => u.UserStrategyId).ToListAsync(ct);
        }

        foreach (var id in ids)
        {
            try
            {
                if (await StartAsync(id, ct) is { } problem)
                {
                    LogCannotRun(id, problem);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogStartFailed(error, id);
            }
        }
    }

    private async Task LaunchAsync(RunningStrategy definition, CancellationToken ct)
    {
        await RetireAsync(definition.StrategyId, TimeSpan.FromSeconds(10));
        // Loads the account's writer, so the strategy's first bar already sees the account (AccountWriter.View).
        await _writers.RunAsync(definition.AccountId, (_, _) => Task.FromResult(true), ct);
        var writer = _writers.For(definition.AccountId);
        var context = new LiveStrategyContext(definition.Symbols, () => writer.View, _trading.Symbols, _trading.Fees);
        var unit = new StrategyUnit(definition, context, _router, (symbol, at) => _trading.Symbols.HoursOf(symbol).IsOpen(at),
            _options.WarmUp > TimeSpan.Zero ? (before, token) => History(definition.Symbols, before, token) : null)
        {
            Failed = (failed, reason) => _ = DisableAsync(failed, reason),
            RouteFailed = (unit, signal, error) => LogRouteFailed(error, unit.Definition.Name, signal.Symbol),
        };
        _units[definition.StrategyId] = unit;
        Reroute();
        unit.Start();
        LogStarted(definition.Name, definition.StrategyId, string.Join(",", definition.Symbols));
    }

    /// <summary>The stored bars of <paramref name="symbols"/> in the warm-up window before <paramref name="before"/>; none when the store fails (logged).</summary>
    private async IAsyncEnumerable<Bar> History(IReadOnlyList<string> symbols, DateTimeOffset before, [EnumeratorCancellation] CancellationToken ct)
    {
        var bars = _bars.ReadAsync(symbols.ToList(), before - _options.WarmUp, before, ct).GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                try
                {
                    if (!await bars.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogWarmUpFailed(error, string.Join(",", symbols));
                    yield break;
                }

                yield return bars.Current.Bar;
            }
        }
        finally
        {
            await bars.DisposeAsync();
        }
    }

    private async Task RetireAsync(Guid strategyId, TimeSpan wait)
    {
        if (_units.TryRemove(strategyId, out var unit))
        {
            Reroute();
            await unit.StopAsync(wait);
        }
    }

    /// <summary>Rebuilds the symbol → units map (copy on write: the feed reads it without a lock).</summary>
    private void Reroute()
    {
        lock (_routing)
        {
            var map = _units.Values.SelectMany(u => u.Definition.Symbols.Select(s => (Symbol: s, Unit: u)))
                .GroupBy(p => p.Symbol, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Unit).ToArray(), StringComparer.Ordinal);
            Volatile.Write(ref _bySymbol, map);
        }
    }


    private async Task RefreshPerformanceAsync(CancellationToken ct)
    {
        foreach (var id in _filled.Keys.ToList())
        {
            _filled.TryRemove(id, out _);
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StrategyPerformance>().RefreshAsync(id, ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogPerformanceFailed(error, id);
            }
        }
    }
}
