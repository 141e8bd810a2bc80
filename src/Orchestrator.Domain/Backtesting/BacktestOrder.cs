using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Backtesting;

/// <summary>An order the backtest placed, with its outcome, and the signal it came from.</summary>
public sealed record BacktestOrder(
    Guid OrderId,
    Guid SignalId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    DateTimeOffset SubmittedAt,
    OrderStatus Status,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    decimal Fees,
    string? RejectionReason);
