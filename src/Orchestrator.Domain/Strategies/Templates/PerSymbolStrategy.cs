using Orchestrator.Domain.Common;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// A strategy that trades each symbol on its own: one <typeparamref name="TState"/> (indicators, session
/// figures) per symbol, created on the symbol's first bar. The last symbol's state is cached because bars of
/// one symbol usually come in runs, which saves a dictionary lookup per bar on the hot path.
/// </summary>
public abstract class PerSymbolStrategy<TState> : Strategy
    where TState : class
{
    private readonly Dictionary<string, TState> _states = new(StringComparer.Ordinal);
    private readonly RecentSymbols<TState> _recent = new();

    public sealed override void OnBar(IStrategyContext context, in Bar bar)
    {
        if (!_recent.TryGet(bar.Symbol, out var state))
        {
            if (!_states.TryGetValue(bar.Symbol, out state))
            {
                state = CreateState(context, bar.Symbol);
                _states.Add(bar.Symbol, state);
            }

            _recent.Add(bar.Symbol, state);
        }

        OnBar(context, bar, state);
    }

    protected abstract TState CreateState(IStrategyContext context, string symbol);

    protected abstract void OnBar(IStrategyContext context, in Bar bar, TState state);

    /// <summary>Emits a signal at the bar's close with the given indicator snapshot.</summary>
    protected static void Signal(
        IStrategyContext context, in Bar bar, SignalType type, decimal quantity, decimal strength, string reason,
        IReadOnlyDictionary<string, decimal> indicators, decimal? stopLoss = null, decimal? takeProfit = null) =>
        context.Emit(new Signal(bar.Symbol, type, context.Time, bar.Close, type == SignalType.Close ? 0m : quantity,
            Math.Clamp(strength, 0m, 1m), reason, indicators, stopLoss, takeProfit));
}
