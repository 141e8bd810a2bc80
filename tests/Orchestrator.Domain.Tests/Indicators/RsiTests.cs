using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class RsiTests
{
    [Fact]
    public void Rsi2_by_hand()
    {
        // Prices 10, 12, 11, 14, 13: changes +2, −1, +3, −1.
        // First averages (simple means of the first 2 changes): gain (2 + 0)/2 = 1, loss (0 + 1)/2 = 0.5
        //   → RSI = 100·1/1.5 = 200/3.
        // +3: gain (1·1 + 3)/2 = 2, loss (0.5·1 + 0)/2 = 0.25 → RSI = 100·2/2.25 = 800/9.
        // −1: gain (2·1 + 0)/2 = 1, loss (0.25·1 + 1)/2 = 0.625 → RSI = 100·1/1.625 = 800/13.
        // The thirds, ninths and thirteenths repeat, so compare to 20 decimal places.
        var outputs = Feed.Values(new Rsi(2), 10m, 12m, 11m, 14m, 13m);
        Assert.Equal(3, outputs.Count);
        Assert.Equal(200m / 3m, outputs[0], 20);
        Assert.Equal(800m / 9m, outputs[1], 20);
        Assert.Equal(800m / 13m, outputs[2], 20);
    }

    [Fact]
    public void Ready_after_N_plus_one_prices()
    {
        var rsi = new Rsi(14);
        Assert.Equal(15, rsi.WarmUpPeriod);
        Assert.Equal(15, Feed.CountUntilReady(rsi, Feed.Wavy(40)));
    }

    [Fact]
    public void Rsi_of_a_rising_series_is_100_and_of_a_flat_series_is_0_as_talib()
    {
        Assert.All(Feed.Values(new Rsi(5), Enumerable.Range(1, 50).Select(i => (decimal)i).ToArray()), v => Assert.Equal(100m, v));
        Assert.All(Feed.Values(new Rsi(5), Enumerable.Repeat(7m, 50).ToArray()), v => Assert.Equal(0m, v));
    }

    [Fact]
    public void Reset_forgets_the_previous_price_and_averages()
    {
        var rsi = new Rsi(2);
        Feed.Values(rsi, 10m, 12m, 11m, 14m);
        rsi.Reset();
        Assert.False(rsi.IsReady);
        // 10 → 12 → 11 again: the first RSI 200/3 as in the worked example.
        Assert.Equal(200m / 3m, Feed.Values(rsi, 10m, 12m, 11m).Single(), 20);
    }
}
