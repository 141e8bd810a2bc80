namespace Orchestrator.Domain.Backtesting;

/// <summary>
/// The close of one trading day in a backtest: equity (cash plus positions at their last close), the
/// benchmark's last close (null without a benchmark or before its first bar) and the notional traded that day
/// (Σ |quantity × price| of the day's fills).
/// </summary>
public readonly record struct DailySample(DateOnly Date, DateTimeOffset Close, decimal Equity, decimal? BenchmarkPrice, decimal TradedNotional);
