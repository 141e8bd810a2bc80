using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class AdxTests
{
    // ADX(2), TA-Lib's steps; (H, L, C), up = H − H₋₁, down = L₋₁ − L:
    //   b0 10   8  9
    //   b1 12   9  11   up 2, down −1 → +DM 2;  TR max(3, 3, 0) = 3.    Initial sums (N − 1 = 1 bar): +DM 2, −DM 0, TR 3
    //   b2 11   5  6    up −1, down 4 → −DM 4;  TR max(6, 0, 6) = 6.    Wilder: S ← S − S/2 + current:
    //                   +DM 2 − 1 + 0 = 1, −DM 0 + 4 = 4, TR 3 − 1.5 + 6 = 7.5;
    //                   +DI = 100/7.5, −DI = 400/7.5, DX = 100·|1 − 4|/(1 + 4) = 60
    //   b3 16.5 10 16   up 5.5, down −5 → +DM 5.5; TR max(6.5, 10.5, 4) = 10.5
    //                   +DM 1 − 0.5 + 5.5 = 6, −DM 4 − 2 = 2, TR 7.5 − 3.75 + 10.5 = 14.25;
    //                   +DI = 600/14.25, −DI = 200/14.25, DX = 100·4/8 = 50 → first ADX = (60 + 50)/2 = 55
    //   b4 16   12 14   up −0.5, down −2 → no DM; TR max(4, 0, 4) = 4
    //                   +DM 3, −DM 1, TR 14.25 − 7.125 + 4 = 11.125; DX = 100·2/4 = 50 → ADX (55·1 + 50)/2 = 52.5
    // The DIs divide by 7.5 and 14.25 (repeating decimals), so compare to 20 places.
    private static readonly Orchestrator.Domain.MarketData.Bar[] Bars =
    [
        Feed.Bar(0, 10m, 8m, 9m),
        Feed.Bar(1, 12m, 9m, 11m),
        Feed.Bar(2, 11m, 5m, 6m),
        Feed.Bar(3, 16.5m, 10m, 16m),
        Feed.Bar(4, 16m, 12m, 14m),
    ];

    [Fact]
    public void Adx2_by_hand()
    {
        var adx = new Adx(2);
        var outputs = Feed.Bars(adx, Bars[..4]);
        Assert.Equal(55m, outputs.Single(), 20);
        Assert.Equal(600m / 14.25m, adx.PlusDi, 20);
        Assert.Equal(200m / 14.25m, adx.MinusDi, 20);
        Assert.Equal(50m, adx.Dx, 20);

        adx.Update(Bars[4]);
        Assert.Equal(52.5m, adx.Value, 20);
    }

    [Fact]
    public void Ready_after_2N_bars_with_di_from_bar_N_plus_one()
    {
        var adx = new Adx(2);
        Assert.Equal(4, adx.WarmUpPeriod);
        for (var i = 0; i < 3; i++)
        {
            adx.Update(Bars[i]);
            Assert.False(adx.IsReady);
        }
        // After b2 (N + 1 = 3 bars) the DIs exist though ADX does not.
        Assert.Equal(100m / 7.5m, adx.PlusDi, 20);
        Assert.Equal(400m / 7.5m, adx.MinusDi, 20);
        adx.Update(Bars[3]);
        Assert.True(adx.IsReady);
        Assert.Equal(28, new Adx(14).WarmUpPeriod);
    }

    [Fact]
    public void Reset_forgets_everything()
    {
        var adx = new Adx(2);
        Feed.Bars(adx, Bars);
        adx.Reset();
        Assert.False(adx.IsReady);
        Assert.Equal(0m, adx.PlusDi);
        Assert.Equal(55m, Feed.Bars(adx, Bars[..4]).Single(), 20);
    }
}
