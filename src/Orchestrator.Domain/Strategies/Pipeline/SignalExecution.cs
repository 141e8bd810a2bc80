using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Strategies.Pipeline;

/// <summary>The seed's <c>strategy_executions.execution_type</c>.</summary>
public enum ExecutionType
{
    /// <summary>Opens a position from flat.</summary>
    Entry,

    /// <summary>Reduces a position or closes it to flat.</summary>
    Exit,

    /// <summary>Adds to a position, or flips it through zero (closing one side and opening the other).</summary>
    Adjustment,
}

/// <summary>
/// One fill of an order a signal made (a row of <c>strategy_executions</c>): how it moved the position, the price
/// against the price the strategy saw, how long after the signal it came, and what it realized.
/// </summary>
/// <param name="Slippage">(fill − signal price) ÷ signal price for a buy, (signal price − fill) ÷ signal price for a sell:
/// positive is worse for the trader.</param>
/// <param name="LatencyMs">Milliseconds from the signal to the fill (0 in a backtest for fills against the signal's own bar).</param>
/// <param name="ProfitLoss">For a fill that closes quantity: (fill − average price) × closed quantity (signed for a short)
/// less the fill's commission; null when it closes nothing.</param>
/// <param name="ProfitLossPercentage">ProfitLoss ÷ (average price × closed quantity).</param>
public sealed record SignalExecution(
    Guid SignalId,
    Guid OrderId,
    string Symbol,
    ExecutionType Type,
    DateTimeOffset Time,
    decimal Price,
    decimal Quantity,
    decimal Slippage,
    int LatencyMs,
    decimal? ProfitLoss,
    decimal? ProfitLossPercentage)
{
    /// <summary>
    /// The execution of <paramref name="fill"/>, given the position before it (signed quantity and average price)
    /// and the signal its order came from.
    /// </summary>
    public static SignalExecution Of(Guid signalId, Signal signal, Execution fill, decimal positionBefore, decimal averagePriceBefore)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(fill);
        var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        var after = positionBefore + signed;
        var closes = positionBefore != 0m && Math.Sign(signed) != Math.Sign(positionBefore);
        var closed = closes ? Math.Min(Math.Abs(positionBefore), fill.Quantity) : 0m;
        var type = positionBefore == 0m ? ExecutionType.Entry
            : closes && Math.Sign(after) != -Math.Sign(positionBefore) ? ExecutionType.Exit
            : ExecutionType.Adjustment;
        decimal? pnl = null, pnlPercentage = null;
        if (closed > 0m)
        {
            var gross = (fill.Price - averagePriceBefore) * closed * Math.Sign(positionBefore);
            pnl = gross - fill.Commission;
            pnlPercentage = averagePriceBefore == 0m ? null : pnl / (averagePriceBefore * closed);
        }

        var slippage = signal.Price == 0m ? 0m
            : (fill.Side == OrderSide.Buy ? fill.Price - signal.Price : signal.Price - fill.Price) / signal.Price;
        var latency = (long)(fill.ExchangeTime - signal.Time).TotalMilliseconds;
        return new SignalExecution(signalId, fill.OrderId, fill.Symbol, type, fill.ExchangeTime, fill.Price, fill.Quantity, slippage,
            (int)Math.Clamp(latency, 0, int.MaxValue), pnl, pnlPercentage);
    }
}
