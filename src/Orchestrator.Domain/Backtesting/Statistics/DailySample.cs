namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>One trading day of a backtest, as the statistics need it.</summary>
/// <param name="Date">The trading day.</param>
/// <param name="Equity">The account's equity at that day's close (cash plus positions marked at the close).</param>
/// <param name="BenchmarkClose">The benchmark symbol's close that day; null when the backtest has no benchmark or the
/// benchmark did not trade that day.</param>
/// <param name="TradedNotional">The value traded that day: Σ |quantity × price| over the day's fills.</param>
public sealed record DailySample(DateOnly Date, decimal Equity, decimal? BenchmarkClose, decimal TradedNotional);
