namespace Orchestrator.Domain.Backtesting.Trades;

/// <summary>
/// One entry of Lean's transaction record (<c>SecurityTransactionManager.TransactionRecord</c>), the per-trade
/// profit and loss series that Lean's portfolio statistics read for Average Win, Average Loss, Win Rate, Loss Rate,
/// Profit-Loss Ratio and Expectancy. There is one entry per fill that reduces a position; see
/// <see cref="AverageCostLedger"/> for how <see cref="ProfitLoss"/> is worked out.
/// </summary>
/// <param name="Time">When the closing fill happened.</param>
/// <param name="ProfitLoss">
/// The closed quantity's profit against the position's average price, less twice the closing fill's commission.
/// </param>
public sealed record TransactionRecord(DateTimeOffset Time, decimal ProfitLoss);
