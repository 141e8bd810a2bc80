using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class MacdTests
{
    [Fact]
    public void Macd_2_3_2_by_hand_with_talibs_late_seeded_fast_ema()
    {
        // Series 3, 0, 6, 12, 0. Slow EMA(3): α = 1/2, seeded at the 3rd value with (3 + 0 + 6)/3 = 3.
        // Fast EMA(2): α = 2/3; as TA-Lib it skips the first 3 − 2 = 1 value and is seeded at the same (3rd)
        // value with (0 + 6)/2 = 3. MACD at the 3rd value = 3 − 3 = 0.
        // 4th (12): slow 3 + (12 − 3)/2 = 7.5, fast 3 + 2/3·9 = 9, MACD 1.5;
        //   signal EMA(2) seeded with (0 + 1.5)/2 = 0.75, histogram 1.5 − 0.75 = 0.75. First output: lookback
        //   (3 − 1) + (2 − 1) = 3, so the 4th value.
        // 5th (0): slow 7.5 − 7.5/2 = 3.75, fast 9 − 2/3·9 = 3, MACD −0.75;
        //   signal 0.75 + 2/3·(−0.75 − 0.75) = −0.25, histogram −0.75 − (−0.25) = −0.5.
        // 2/3 is a repeating decimal, so compare to 20 places.
        var macd = new Macd(2, 3, 2);
        Assert.Equal(4, macd.WarmUpPeriod);
        Assert.Equal(1.5m, Feed.Values(macd, 3m, 0m, 6m, 12m).Single(), 20);
        Assert.Equal(0.75m, macd.Signal, 20);
        Assert.Equal(0.75m, macd.Histogram, 20);

        macd.Update(0m);
        Assert.Equal(-0.75m, macd.Value, 20);
        Assert.Equal(-0.25m, macd.Signal, 20);
        Assert.Equal(-0.5m, macd.Histogram, 20);
    }

    [Fact]
    public void Default_12_26_9_is_ready_after_34_values()
    {
        var macd = new Macd();
        Assert.Equal(34, macd.WarmUpPeriod);
        Assert.Equal(34, Feed.CountUntilReady(macd, Feed.Wavy(100)));
    }

    [Fact]
    public void Macd_of_a_constant_is_zero_and_reset_forgets()
    {
        var macd = new Macd();
        Assert.All(Feed.Values(macd, Enumerable.Repeat(50m, 100).ToArray()), v => Assert.Equal(0m, v));
        macd.Reset();
        Assert.False(macd.IsReady);
        Assert.Equal(0, macd.Samples);
        Assert.Equal(34, Feed.CountUntilReady(macd, Feed.Wavy(100)));
    }
}
