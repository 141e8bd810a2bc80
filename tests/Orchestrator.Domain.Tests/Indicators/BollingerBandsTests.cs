using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class BollingerBandsTests
{
    [Fact]
    public void Bands_are_the_sma_plus_and_minus_two_population_deviations()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32, /8 = 4, σ = 2
        // (population; the sample σ would be √(32/7)). Upper 5 + 2·2 = 9, lower 5 − 2·2 = 1.
        var bands = new BollingerBands(8);
        Assert.Equal([5m], Feed.Values(bands, 2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m));
        Assert.Equal(2m, bands.StandardDeviation);
        Assert.Equal(9m, bands.Upper);
        Assert.Equal(1m, bands.Lower);
    }

    [Fact]
    public void Asymmetric_multipliers_and_rolling()
    {
        // Window 4, 4, 4, 5, 5, 7, 9, 2 after 2 is added (the first 2 left): mean 40/8 = 5,
        // Σx² = 16·3 + 25·2 + 49 + 81 + 4 = 232, 232/8 − 25 = 4, σ = 2. Upper 5 + 1·2 = 7, lower 5 − 3·2 = −1.
        var bands = new BollingerBands(8, deviationsUp: 1m, deviationsDown: 3m);
        Feed.Values(bands, 2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m, 2m);
        Assert.Equal(5m, bands.Middle);
        Assert.Equal(7m, bands.Upper);
        Assert.Equal(-1m, bands.Lower);
    }

    [Fact]
    public void Ready_after_N_values_and_reset()
    {
        var bands = new BollingerBands();
        Assert.Equal(20, bands.WarmUpPeriod);
        Assert.Equal(20, Feed.CountUntilReady(bands, Feed.Wavy(30)));
        bands.Reset();
        Assert.False(bands.IsReady);
        Assert.Equal(0m, bands.Upper);
    }
}
