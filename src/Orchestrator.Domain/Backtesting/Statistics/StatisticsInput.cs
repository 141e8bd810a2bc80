using Orchestrator.Domain.Backtesting.Trades;

namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>Everything <see cref="PerformanceStatistics.Compute"/> reads: what a backtest run has when it ends.</summary>
/// <param name="StartingCapital">The account's equity before the first day.</param>
/// <param name="StartDate">The backtest's first day; its start is the midnight that begins it.</param>
/// <param name="Days">One sample per trading day, in date order, each on or after <paramref name="StartDate"/>.</param>
/// <param name="TransactionRecords">The trade builder's <see cref="TradeBuilder.TransactionRecords"/>.</param>
/// <param name="ClosedTrades">The trade builder's <see cref="TradeBuilder.ClosedTrades"/>.</param>
/// <param name="TotalOrders">How many orders the backtest placed.</param>
/// <param name="TotalFees">The commission paid over the whole run.</param>
/// <param name="RiskFreeRate">The annual risk-free rate as a fraction (0.04 = 4%).</param>
/// <param name="TradingDaysPerYear">Trading days in a year, used to annualize daily figures.</param>
public sealed record StatisticsInput(
    decimal StartingCapital,
    DateOnly StartDate,
    IReadOnlyList<DailySample> Days,
    IReadOnlyList<TransactionRecord> TransactionRecords,
    IReadOnlyList<BacktestTrade> ClosedTrades,
    int TotalOrders,
    decimal TotalFees,
    decimal RiskFreeRate = 0m,
    int TradingDaysPerYear = 252)
{
    /// <summary>Throws when the input cannot describe a run: days out of order, before the start, or a bad year.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Days);
        ArgumentNullException.ThrowIfNull(TransactionRecords);
        ArgumentNullException.ThrowIfNull(ClosedTrades);
        if (TradingDaysPerYear <= 0)
        {
            throw new ArgumentException($"Trading days per year must be positive, was {TradingDaysPerYear}.");
        }
        var previous = StartDate.AddDays(-1);
        foreach (var day in Days)
        {
            if (day.Date <= previous)
            {
                throw new ArgumentException($"Daily samples must be in date order and on or after {StartDate:yyyy-MM-dd}; {day.Date:yyyy-MM-dd} is not.");
            }
            previous = day.Date;
        }
    }
}
