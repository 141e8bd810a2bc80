using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class SmaTests
{
    [Fact]
    public void Sma3_of_1_to_5_is_2_3_4()
    {
        // (1+2+3)/3 = 2, (2+3+4)/3 = 3, (3+4+5)/3 = 4.
        Assert.Equal([2m, 3m, 4m], Feed.Values(new Sma(3), 1m, 2m, 3m, 4m, 5m));
    }

    [Fact]
    public void Ready_after_exactly_N_values()
    {
        var sma = new Sma(3);
        Assert.Equal(3, sma.WarmUpPeriod);
        Assert.Equal(3, Feed.CountUntilReady(sma, [1m, 2m, 3m, 4m]));
    }

    [Fact]
    public void Reset_forgets_the_window()
    {
        var sma = new Sma(2);
        Feed.Values(sma, 100m, 200m);
        sma.Reset();
        Assert.False(sma.IsReady);
        Assert.Equal(0, sma.Samples);
        // (4 + 6) / 2 = 5, nothing of 100 or 200 left.
        Assert.Equal([5m], Feed.Values(sma, 4m, 6m));
    }

    [Fact]
    public void Running_sum_equals_the_mean_of_each_window()
    {
        var series = Feed.Wavy(500);
        var outputs = Feed.Values(new Sma(20), series);
        var expected = Enumerable.Range(0, series.Length - 19).Select(i => series.Skip(i).Take(20).Sum() / 20m);
        Assert.Equal(expected, outputs);
    }
}
