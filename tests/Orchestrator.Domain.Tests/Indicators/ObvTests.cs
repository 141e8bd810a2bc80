using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class ObvTests
{
    [Fact]
    public void Obv_adds_volume_on_up_closes_and_subtracts_on_down_closes()
    {
        // Closes 10 (v100), 11 (v50), 10.5 (v30), 10.5 (v70), 12 (v10):
        // 100 (first bar's volume, as TA-Lib), +50 = 150, −30 = 120, unchanged = 120, +10 = 130.
        var obv = new Obv();
        Assert.Equal(1, obv.WarmUpPeriod);
        Assert.Equal([100m, 150m, 120m, 120m, 130m], Feed.Bars(obv,
            Feed.Bar(0, 10m, 10m, 10m, 100m),
            Feed.Bar(1, 11m, 11m, 11m, 50m),
            Feed.Bar(2, 10.5m, 10.5m, 10.5m, 30m),
            Feed.Bar(3, 10.5m, 10.5m, 10.5m, 70m),
            Feed.Bar(4, 12m, 12m, 12m, 10m)));
    }

    [Fact]
    public void Ready_after_one_bar_and_reset()
    {
        var obv = new Obv();
        Assert.False(obv.IsReady);
        obv.Update(Feed.Bar(0, 10m, 10m, 10m, 100m));
        Assert.True(obv.IsReady);
        obv.Reset();
        Assert.False(obv.IsReady);
        // After a reset the next bar is a first bar again: its volume, not ±.
        Assert.Equal([40m], Feed.Bars(obv, Feed.Bar(1, 5m, 5m, 5m, 40m)));
    }
}
