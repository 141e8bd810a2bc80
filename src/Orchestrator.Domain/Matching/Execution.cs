using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching;

/// <summary>
/// One fill, as the exchange reports it: the row of <c>order_fills</c> and what the account applies to its order,
/// cash and position. <see cref="Price"/> includes slippage; <see cref="Commission"/> is charged on top.
/// </summary>
public sealed record Execution(
    Guid OrderId,
    Guid AccountId,
    string TradeId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Commission,
    Liquidity Liquidity,
    DateTimeOffset ExchangeTime);
