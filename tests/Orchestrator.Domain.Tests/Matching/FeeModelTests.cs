using Orchestrator.Domain.Matching.Fees;

namespace Orchestrator.Domain.Tests.Matching;

public sealed class FeeModelTests
{
    private static readonly PerShareFeeModel InteractiveBrokersFixed = new(0.005m, 1.00m, 0.01m);

    [Fact]
    public void Per_share_fee_is_the_rate_times_shares_above_the_minimum()
    {
        // 1,000 shares x $0.005 = $5.00 (above the $1.00 minimum, below 1% of $50,000).
        Assert.Equal(5.00m, InteractiveBrokersFixed.Commission(new FeeContext(1000m, 50m, true)));
    }

    [Fact]
    public void Per_share_fee_has_a_minimum_per_fill()
    {
        // 100 shares x $0.005 = $0.50, raised to the $1.00 minimum (1% of $5,000 = $50 does not bind).
        Assert.Equal(1.00m, InteractiveBrokersFixed.Commission(new FeeContext(100m, 50m, false)));
    }

    [Fact]
    public void Per_share_fee_is_capped_at_a_fraction_of_the_trade_value()
    {
        // 10,000 shares of a $0.02 stock: $50.00 by the rate, but 1% of $200 = $2.00 caps it.
        Assert.Equal(2.00m, InteractiveBrokersFixed.Commission(new FeeContext(10_000m, 0.02m, true)));
    }

    [Fact]
    public void Per_order_fee_is_charged_on_the_first_fill_only()
    {
        var model = new PerOrderFeeModel(4.95m);
        Assert.Equal(4.95m, model.Commission(new FeeContext(40m, 187.20m, true)));
        Assert.Equal(0m, model.Commission(new FeeContext(60m, 187.30m, false)));
    }

    [Fact]
    public void Percentage_fee_is_the_rate_of_notional_with_a_minimum()
    {
        var model = new PercentageFeeModel(0.001m, Minimum: 1m);
        // 0.1% of 100 x $187.26 = 0.001 x $18,726 = $18.726.
        Assert.Equal(18.726m, model.Commission(new FeeContext(100m, 187.26m, true)));
        // 0.1% of 2 x $10 = $0.02, raised to the $1 minimum.
        Assert.Equal(1m, model.Commission(new FeeContext(2m, 10m, true)));
    }
}
