using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching.Slippage;

/// <summary>
/// Price impact growing with the square of the order's share of the bar's volume (zipline's
/// VolumeShareSlippage): impact = price x <see cref="PriceImpact"/> x share², with the share capped at
/// <see cref="VolumeLimit"/> (the fill model never takes more than that share of a bar).
/// </summary>
public sealed record VolumeShareSlippageModel(decimal PriceImpact = 0.1m, decimal VolumeLimit = 0.025m) : ISlippageModel
{
    public decimal Apply(OrderSide side, decimal price, decimal quantity, decimal barVolume)
    {
        var share = barVolume <= 0 ? VolumeLimit : Math.Min(quantity / barVolume, VolumeLimit);
        var impact = price * PriceImpact * share * share;
        return side == OrderSide.Buy ? price + impact : price - impact;
    }
}
