using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Strategies;

/// <summary>
/// A trading strategy: it sees bars (and quotes) of its symbols in time order and emits signals. It owns its
/// indicators and per-symbol state and shares nothing mutable with other strategies, so one instance runs
/// in one backtest or one live runner at a time. Bars of one instant arrive one symbol after another.
/// </summary>
public abstract class Strategy
{
    /// <summary>Called once, before the first bar.</summary>
    public virtual void Initialize(IStrategyContext context)
    {
    }

    /// <summary>A completed bar of one of the strategy's symbols (the context's time is its end).</summary>
    public abstract void OnBar(IStrategyContext context, in Bar bar);

    /// <summary>A quote of one of the strategy's symbols.</summary>
    public virtual void OnQuote(IStrategyContext context, in Quote quote)
    {
    }
}
