using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class StandardDeviationTests
{
    [Fact]
    public void Population_deviation_of_a_known_window()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, variance 32/8 = 4, σ = 2 exactly (√ via double, refined in decimal).
        var sd = new StandardDeviation(8);
        Assert.Equal([2m], Feed.Values(sd, 2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m));
        Assert.Equal(5m, sd.Mean);
        Assert.Equal(4m, sd.Variance);
    }

    [Fact]
    public void Irrational_root_is_good_to_decimal_precision()
    {
        // Add 10 (the 2 leaves): 4, 4, 4, 5, 5, 7, 9, 10: Σx = 48, mean 6; Σx² = 48 + 50 + 49 + 81 + 100 = 328,
        // 328/8 − 36 = 5 exactly. σ = √5: squaring it gives back 5 to 20 places (double alone gives ~15).
        var sd = new StandardDeviation(8);
        Feed.Values(sd, 2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m, 10m);
        Assert.Equal(5m, sd.Variance);
        Assert.Equal(5m, sd.Value * sd.Value, 20);
    }

    [Fact]
    public void Ready_after_N_and_flat_window_is_zero_and_reset()
    {
        var sd = new StandardDeviation(5);
        Assert.Equal(5, Feed.CountUntilReady(sd, Enumerable.Repeat(3.3m, 10)));
        Assert.Equal(0m, sd.Value);
        sd.Reset();
        Assert.False(sd.IsReady);
        Assert.Equal(0m, sd.Mean);
    }
}
