using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class ZScoreTests
{
    [Fact]
    public void Z_is_the_distance_from_the_mean_in_population_deviations()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, σ 2, latest 9 → z = (9 − 5)/2 = 2.
        // Then 2 (the first 2 leaves): window 4, 4, 4, 5, 5, 7, 9, 2, mean 5, σ 2 → z = (2 − 5)/2 = −1.5.
        Assert.Equal([2m, -1.5m], Feed.Values(new ZScore(8), 2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m, 2m));
    }

    [Fact]
    public void Flat_window_gives_zero_ready_after_N_and_reset()
    {
        var z = new ZScore(3);
        Assert.Equal(3, Feed.CountUntilReady(z, [1m, 1m, 1m]));
        Assert.Equal(0m, z.Value);
        z.Reset();
        Assert.False(z.IsReady);
        Assert.Equal(0m, z.Value);
    }
}
