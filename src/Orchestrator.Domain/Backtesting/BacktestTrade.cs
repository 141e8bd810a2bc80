namespace Orchestrator.Domain.Backtesting;

public enum TradeDirection
{
    Long,
    Short,
}

/// <summary>
/// A closed round trip: the quantity of one entry fill matched (first in, first out) with the exit fill that
/// closed it, as Lean's trade builder does with fill-to-fill grouping. <see cref="ProfitLoss"/> is gross of
/// fees; <see cref="TotalFees"/> is the entry fill's and exit fill's commission, prorated to this quantity.
/// </summary>
public sealed record BacktestTrade(
    string Symbol,
    TradeDirection Direction,
    DateTimeOffset EntryTime,
    decimal EntryPrice,
    DateTimeOffset ExitTime,
    decimal ExitPrice,
    decimal Quantity,
    decimal ProfitLoss,
    decimal TotalFees)
{
    /// <summary>Profit after fees.</summary>
    public decimal NetProfitLoss => ProfitLoss - TotalFees;

    public TimeSpan Duration => ExitTime - EntryTime;
}
