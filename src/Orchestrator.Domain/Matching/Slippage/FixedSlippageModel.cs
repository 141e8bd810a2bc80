using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching.Slippage;

/// <summary>A fixed fraction of the price: the seed's backtest <c>slippage</c> (0.0005 = 5 basis points).</summary>
public sealed record FixedSlippageModel(decimal Fraction) : ISlippageModel
{
    public decimal Apply(OrderSide side, decimal price, decimal quantity, decimal barVolume) =>
        side == OrderSide.Buy ? price * (1 + Fraction) : price * (1 - Fraction);
}
