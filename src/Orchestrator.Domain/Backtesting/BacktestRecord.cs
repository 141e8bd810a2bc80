namespace Orchestrator.Domain.Backtesting;

/// <summary>What a finished run hands to the statistics: the settings, the daily samples, the trades and the totals.</summary>
public sealed record BacktestRecord(
    BacktestSettings Settings,
    DateOnly StartDate,
    IReadOnlyList<DailySample> Days,
    Trades.TradeBuilder Trades,
    int TotalOrders,
    decimal TotalFees);
