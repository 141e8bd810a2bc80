using Orchestrator.Domain.Indicators;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class VwapTests
{
    private static Bar At(DateTimeOffset start, decimal high, decimal low, decimal close, decimal volume) =>
        new("TEST", start, TimeSpan.FromMinutes(1), close, high, low, close, volume);

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Vwap_accumulates_within_a_day_and_restarts_on_the_next()
    {
        // Day 6: typical (11 + 9 + 10)/3 = 10, × 100 = 1,000; (13 + 11 + 12)/3 = 12, × 300 = 3,600
        //   → VWAP 10, then (1,000 + 3,600)/400 = 11.5.
        // Day 7: (21 + 19 + 20)/3 = 20 → VWAP 20 (day 6 forgotten).
        var vwap = new Vwap();
        Assert.Equal([10m, 11.5m, 20m], Feed.Bars(vwap,
            At(Utc(6, 14, 30), 11m, 9m, 10m, 100m),
            At(Utc(6, 14, 31), 13m, 11m, 12m, 300m),
            At(Utc(7, 14, 30), 21m, 19m, 20m, 50m)));
        Assert.Equal(new DateOnly(2026, 3, 7), vwap.Session);
    }

    [Fact]
    public void Sessions_follow_the_markets_trading_day_when_given_trading_hours()
    {
        // 00:30Z on 7 March 2026 is 19:30 EST on 6 March: the same US trading day as 14:30Z on the 6th,
        // so (1,000 + 3,600)/400 = 11.5; by UTC calendar day it would start afresh at 12.
        Bar[] bars = [At(Utc(6, 14, 30), 11m, 9m, 10m, 100m), At(Utc(7, 0, 30), 13m, 11m, 12m, 300m)];
        Assert.Equal(11.5m, Feed.Bars(new Vwap(TradingHours.UsEquities), bars).Last());
        Assert.Equal(12m, Feed.Bars(new Vwap(), bars).Last());
    }

    [Fact]
    public void Not_ready_without_volume_and_reset()
    {
        var vwap = new Vwap();
        Assert.Equal(1, vwap.WarmUpPeriod);
        vwap.Update(At(Utc(6, 14, 30), 11m, 9m, 10m, 0m));
        Assert.False(vwap.IsReady);
        vwap.Update(At(Utc(6, 14, 31), 11m, 9m, 10m, 5m));
        Assert.True(vwap.IsReady);
        vwap.Reset();
        Assert.False(vwap.IsReady);
        Assert.Null(vwap.Session);
    }
}
