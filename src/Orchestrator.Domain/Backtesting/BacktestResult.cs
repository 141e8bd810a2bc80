using Orchestrator.Domain.Strategies.Pipeline;

namespace Orchestrator.Domain.Backtesting;

/// <summary>
/// Everything a backtest produced. <see cref="Statistics"/> holds Lean's statistics set under Lean's names,
/// in Lean's order; <see cref="Parameters"/> are the strategy's resolved parameters as path → invariant text.
/// </summary>
public sealed record BacktestResult(
    string StrategyName,
    IReadOnlyList<string> Symbols,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal InitialCapital,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<NamedStatistic> Statistics,
    IReadOnlyList<EquityPoint> EquityCurve,
    IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<BacktestOrder> Orders,
    long BarsProcessed)
{
    /// <summary>The statistic named <paramref name="name"/> (an exact Lean name).</summary>
    public decimal Statistic(string name) =>
        Statistics.FirstOrDefault(s => s.Name == name)?.Value ?? throw new KeyNotFoundException($"No statistic named '{name}'.");

    public decimal EndEquity => EquityCurve.Count > 0 ? EquityCurve[^1].Equity : InitialCapital;

    /// <summary>Every fill of a signal's order, as the seed's <c>strategy_executions</c> rows would record it.</summary>
    public IReadOnlyList<SignalExecution> Executions { get; init; } = [];
}
