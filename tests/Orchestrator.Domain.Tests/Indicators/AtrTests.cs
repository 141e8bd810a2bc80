using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class AtrTests
{
    // (H, L, C); TR = max(H − L, |H − C₋₁|, |L − C₋₁|):
    //   b0 10   8    9     no TR (only the previous close, as TA-Lib)
    //   b1 11   9    10    max(2, |11 − 9| = 2, |9 − 9| = 0)    = 2
    //   b2 13   10   12    max(3, |13 − 10| = 3, 0)             = 3
    //   b3 12   8    9     max(4, 0, |8 − 12| = 4)              = 4  → first ATR(3) = (2 + 3 + 4)/3 = 3
    //   b4 15   10   14    max(5, |15 − 9| = 6, 1)              = 6  (gap: the previous close counts)
    //                                                              → ATR = (3·2 + 6)/3 = 4
    //   b5 14.5 13.5 14    max(1, 0.5, 0.5)                     = 1  → ATR = (4·2 + 1)/3 = 3
    private static readonly Orchestrator.Domain.MarketData.Bar[] Bars =
    [
        Feed.Bar(0, 10m, 8m, 9m),
        Feed.Bar(1, 11m, 9m, 10m),
        Feed.Bar(2, 13m, 10m, 12m),
        Feed.Bar(3, 12m, 8m, 9m),
        Feed.Bar(4, 15m, 10m, 14m),
        Feed.Bar(5, 14.5m, 13.5m, 14m),
    ];

    [Fact]
    public void Wilder_atr3_by_hand()
    {
        var atr = new Atr(3);
        Assert.Equal([3m, 4m, 3m], Feed.Bars(atr, Bars));
        Assert.Equal(1m, atr.LastTrueRange);
    }

    [Fact]
    public void Ready_after_N_plus_one_bars_and_reset()
    {
        var atr = new Atr(3);
        Assert.Equal(4, atr.WarmUpPeriod);
        for (var i = 0; i < 3; i++)
        {
            atr.Update(Bars[i]);
            Assert.False(atr.IsReady);
        }
        atr.Update(Bars[3]);
        Assert.True(atr.IsReady);

        atr.Reset();
        Assert.False(atr.IsReady);
        Assert.Equal([3m, 4m, 3m], Feed.Bars(atr, Bars));
    }
}
