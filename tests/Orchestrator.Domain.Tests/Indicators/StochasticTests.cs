using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class StochasticTests
{
    // Stochastic(3, 2, 2): lookback (3 − 1) + (2 − 1) + (2 − 1) = 4, first output at the 5th bar.
    // (H, L, C); fast %K = 100·(C − LL)/(HH − LL) over 3 bars:
    //   b0 10 8  9
    //   b1 12 9  11
    //   b2 13 10 12   HH 13, LL 8 → 100·4/5 = 80
    //   b3 12 9  10   HH 13, LL 9 → 100·1/4 = 25     slow %K (80 + 25)/2 = 52.5
    //   b4 14 11 13   HH 14, LL 9 → 100·4/5 = 80     slow %K (25 + 80)/2 = 52.5   %D (52.5 + 52.5)/2 = 52.5
    //   b5 15 13 15   HH 15, LL 9 → 100·6/6 = 100    slow %K (80 + 100)/2 = 90    %D (52.5 + 90)/2 = 71.25
    private static readonly Orchestrator.Domain.MarketData.Bar[] Bars =
    [
        Feed.Bar(0, 10m, 8m, 9m),
        Feed.Bar(1, 12m, 9m, 11m),
        Feed.Bar(2, 13m, 10m, 12m),
        Feed.Bar(3, 12m, 9m, 10m),
        Feed.Bar(4, 14m, 11m, 13m),
        Feed.Bar(5, 15m, 13m, 15m),
    ];

    [Fact]
    public void Slow_k_and_d_by_hand()
    {
        var stochastic = new Stochastic(3, 2, 2);
        Assert.Equal(5, stochastic.WarmUpPeriod);
        Assert.Equal([52.5m, 90m], Feed.Bars(stochastic, Bars));
        Assert.Equal(90m, stochastic.K);
        Assert.Equal(71.25m, stochastic.D);
        Assert.Equal(100m, stochastic.FastK);
    }

    [Fact]
    public void Ready_at_the_fifth_bar_flat_range_is_zero_and_reset()
    {
        var stochastic = new Stochastic(3, 2, 2);
        for (var i = 0; i < 4; i++)
        {
            stochastic.Update(Bars[i]);
            Assert.False(stochastic.IsReady);
        }
        stochastic.Update(Bars[4]);
        Assert.True(stochastic.IsReady);
        Assert.Equal(52.5m, stochastic.D);

        stochastic.Reset();
        Assert.False(stochastic.IsReady);
        // HH = LL: TA-Lib's fast %K is 0.
        var flat = Enumerable.Range(0, 5).Select(i => Feed.Bar(i, 10m, 10m, 10m)).ToArray();
        Assert.Equal([0m], Feed.Bars(stochastic, flat));
        Assert.Equal(8, new Stochastic().WarmUpPeriod - 1);
    }
}
