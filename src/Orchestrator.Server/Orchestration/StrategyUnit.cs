using System.Diagnostics;
using System.Threading.Channels;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies;

namespace Orchestrator.Server.Orchestration;

/// <summary>
/// One running strategy, isolated: its own instance (indicators, state), its own queue of bars and its own loop,
/// sharing nothing mutable with other units. A bar reaches the strategy when it falls in the strategy's schedule
/// and its symbol's session; the signals it emits are routed (<see cref="SignalRouter"/>) before the next bar, so
/// a signal always sees the position its predecessor left. An exception from strategy code ends the unit and reports it
/// (<see cref="Failed"/>); a signal the platform cannot route (the database away) is dropped and reported
/// (<see cref="RouteFailed"/>) and the unit goes on; a call that runs past the timeout is caught by the runner's watchdog through
/// <see cref="BusyFor"/> (a thread stuck in strategy code cannot be aborted, so the unit is abandoned).
/// </summary>
internal sealed class StrategyUnit
{
    private readonly Channel<Bar> _bars = Channel.CreateUnbounded<Bar>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Strategy _strategy;
    private readonly LiveStrategyContext _context;
    private readonly SignalRouter _router;
    private readonly Func<string, DateTimeOffset, bool> _inSession;
    private readonly CancellationTokenSource _stop = new();
    private long _busySince;
    private long _handled;
    private readonly Func<DateTimeOffset, CancellationToken, IAsyncEnumerable<Bar>>? _warmUp;
    private Task _loop = Task.CompletedTask;

    /// <summary>A unit; <paramref name="warmUp"/> reads the stored bars of its symbols before an instant, in time order (see <see cref="WarmUpAsync"/>).</summary>
    public StrategyUnit(RunningStrategy definition, LiveStrategyContext context, SignalRouter router, Func<string, DateTimeOffset, bool> inSession,
        Func<DateTimeOffset, CancellationToken, IAsyncEnumerable<Bar>>? warmUp = null)
    {
        _warmUp = warmUp;
        Definition = definition;
        _context = context;
        _router = router;
        _inSession = inSession;
        _strategy = definition.Create();
    }

    public RunningStrategy Definition { get; }

    /// <summary>Set once the strategy threw; the runner disables the unit.</summary>
    public Action<StrategyUnit, string>? Failed { get; init; }

    /// <summary>A signal could not be routed because the platform failed (logged by the runner; the unit goes on).</summary>
    public Action<StrategyUnit, Signal, Exception>? RouteFailed { get; init; }

    /// <summary>Bars taken by the strategy, and signals routed.</summary>
    public long BarsSeen { get; private set; }

    public long SignalsRouted { get; private set; }

    /// <summary>Bars taken from the queue and finished (routed, or skipped outside the schedule): a replay can wait on it.</summary>
    public long BarsHandled => Interlocked.Read(ref _handled);

    /// <summary>How long the strategy's current call has been running (zero when it is not in a call).</summary>
    public TimeSpan BusyFor
    {
        get
        {
            var since = Interlocked.Read(ref _busySince);
            return since == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(since);
        }
    }

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Queues a bar (never blocks; false once the unit stopped).</summary>
    public bool Post(in Bar bar) => _bars.Writer.TryWrite(bar);

    /// <summary>Stops taking bars; waits (up to <paramref name="wait"/>) for the bar in hand to finish.</summary>
    public async Task StopAsync(TimeSpan wait)
    {
        _bars.Writer.TryComplete();
        await _stop.CancelAsync();
        await Task.WhenAny(_loop, Task.Delay(wait));
    }

    private async Task RunAsync()
    {
        try
        {
            Call(() => _strategy.Initialize(_context));
            var warm = _warmUp is null;
            await foreach (var bar in _bars.Reader.ReadAllAsync(_stop.Token))
            {
                if (!warm)
                {
                    warm = true;
                    await WarmUpAsync(bar.Start);
                }

                _context.Observe(bar);
                if (!InSchedule(bar))
                {
                    Interlocked.Increment(ref _handled);
                    continue;
                }

                _context.Time = bar.End;
                BarsSeen++;
                Call(() => _strategy.OnBar(_context, bar));
                foreach (var signal in _context.Pending)
                {
                    try
                    {
                        await _router.RouteAsync(Definition, signal, bar, _stop.Token);
                        SignalsRouted++;
                    }
                    catch (Exception error) when (error is not OperationCanceledException || !_stop.IsCancellationRequested)
                    {
                        // The platform failed, not the strategy (the database away, trading stopped in this process): the
                        // signal is dropped and reported, and the strategy goes on with the next bar, never disabled for it.
                        RouteFailed?.Invoke(this, signal, error);
                    }
                }

                _context.Pending.Clear();
                Interlocked.Increment(ref _handled);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (StrategyCodeException error)
        {
            Failed?.Invoke(this, error.Message);
        }
        catch (Exception error)
        {
            Failed?.Invoke(this, $"the runner failed: {error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>
    /// Before its first live bar, the strategy sees the stored bars that came before it (as Lean's SetWarmUp does), so
    /// its indicators and session state are where they would be had it never stopped: a restarted or newly started
    /// strategy trades from its first live bar instead of waiting for its averages to fill. What it emits meanwhile is
    /// discarded: history is not traded.
    /// </summary>
    private async Task WarmUpAsync(DateTimeOffset before)
    {
        await foreach (var past in _warmUp!(before, _stop.Token))
        {
            _context.Observe(past);
            if (InSchedule(past))
            {
                _context.Time = past.End;
                Call(() => _strategy.OnBar(_context, past));
                _context.Pending.Clear();
            }
        }
    }

    private bool InSchedule(in Bar bar) =>
        _inSession(bar.Symbol, bar.Start) && (Definition.Schedule is not { } schedule || schedule.IsActive(bar.Start));

    /// <summary>Runs strategy code, timing it for the watchdog; its exception becomes the unit's failure.</summary>
    private void Call(Action call)
    {
        Interlocked.Exchange(ref _busySince, Stopwatch.GetTimestamp());
        try
        {
            call();
        }
        catch (Exception error)
        {
            throw new StrategyCodeException($"the strategy threw {error.GetType().Name} on bar {BarsSeen}: {error.Message}", error);
        }
        finally
        {
            Interlocked.Exchange(ref _busySince, 0);
        }
    }

    private sealed class StrategyCodeException(string message, Exception inner) : Exception(message, inner);
}
