using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Matching;

public sealed class SlippageModelTests
{
    [Fact]
    public void Fixed_slippage_moves_the_price_against_the_trader()
    {
        var model = new FixedSlippageModel(0.0005m);
        // $200 x (1 + 0.0005) = $200.10 for a buy; $200 x (1 - 0.0005) = $199.90 for a sell.
        Assert.Equal(200.10m, model.Apply(OrderSide.Buy, 200m, 100m, 1_000_000m));
        Assert.Equal(199.90m, model.Apply(OrderSide.Sell, 200m, 100m, 1_000_000m));
    }

    [Fact]
    public void Volume_share_slippage_grows_with_the_square_of_the_share_of_volume()
    {
        var model = new VolumeShareSlippageModel(PriceImpact: 0.1m, VolumeLimit: 0.025m);
        // 1,000 of 100,000 shares = 1% of the bar: impact = $50 x 0.1 x 0.01² = $0.0005.
        Assert.Equal(50.0005m, model.Apply(OrderSide.Buy, 50m, 1_000m, 100_000m));
        Assert.Equal(49.9995m, model.Apply(OrderSide.Sell, 50m, 1_000m, 100_000m));
        // 10,000 of 100,000 = 10%, capped at 2.5%: impact = $50 x 0.1 x 0.025² = $0.003125.
        Assert.Equal(50.003125m, model.Apply(OrderSide.Buy, 50m, 10_000m, 100_000m));
    }
}
