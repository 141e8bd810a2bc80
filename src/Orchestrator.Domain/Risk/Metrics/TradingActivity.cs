namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// What the portfolio traded over a period, for turnover: <paramref name="TradedNotional"/> is Σ |quantity × price|
/// of every fill in the period, buys and sells alike; <paramref name="AveragePortfolioValue"/> is the portfolio's
/// average value over the same period (e.g. the mean of its daily closing values).
/// </summary>
public sealed record TradingActivity(decimal TradedNotional, decimal AveragePortfolioValue);
