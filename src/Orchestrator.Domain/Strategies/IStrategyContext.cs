using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Strategies;

/// <summary>
/// What a strategy may see and do: the clock, its account's cash, equity and positions, the trading hours of
/// its symbols, and one action, <see cref="Emit"/>. The same context type backs a backtest and a live run, so
/// a strategy cannot tell them apart.
/// </summary>
public interface IStrategyContext
{
    /// <summary>The symbols the strategy trades (fixed for the run).</summary>
    IReadOnlyList<string> Symbols { get; }

    /// <summary>Now: the end of the bar being handled.</summary>
    DateTimeOffset Time { get; }

    decimal Cash { get; }

    /// <summary>Cash plus every position marked at its last price.</summary>
    decimal Equity { get; }

    /// <summary>The signed quantity held in <paramref name="symbol"/> (0 when flat).</summary>
    decimal PositionOf(string symbol);

    /// <summary>The symbol's trading hours (sessions, time zone, holidays).</summary>
    TradingHours HoursOf(string symbol);

    /// <summary>
    /// The whole number of shares that <paramref name="fractionOfEquity"/> of the equity buys at
    /// <paramref name="price"/>, leaving room for the commission: floor(equity × fraction ÷ price), then one
    /// share less while that many shares plus their estimated commission cost more than the fraction.
    /// </summary>
    decimal SharesFor(decimal fractionOfEquity, decimal price);

    /// <summary>Hands a signal to the pipeline; it is acted on after the strategy returns.</summary>
    void Emit(Signal signal);
}
