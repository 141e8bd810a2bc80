using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class WmaTests
{
    [Fact]
    public void Wma3_weights_the_latest_value_3_2_1_over_6()
    {
        // Series 6, 0, 6, 12, 0; weights 1, 2, 3 oldest to newest, divisor 1+2+3 = 6:
        //   (1·6 + 2·0 + 3·6) / 6 = 24/6 = 4
        //   (1·0 + 2·6 + 3·12) / 6 = 48/6 = 8
        //   (1·6 + 2·12 + 3·0) / 6 = 30/6 = 5
        Assert.Equal([4m, 8m, 5m], Feed.Values(new Wma(3), 6m, 0m, 6m, 12m, 0m));
    }

    [Fact]
    public void Ready_after_exactly_N_values_and_reset_forgets()
    {
        var wma = new Wma(4);
        Assert.Equal(4, Feed.CountUntilReady(wma, [1m, 2m, 3m, 4m, 5m]));
        wma.Reset();
        Assert.False(wma.IsReady);
        // (1·3 + 2·3 + 3·3 + 4·3) / 10 = 3.
        Assert.Equal([3m], Feed.Values(wma, 3m, 3m, 3m, 3m));
    }

    [Fact]
    public void Incremental_update_equals_the_weighted_sum_of_each_window()
    {
        var series = Feed.Wavy(300);
        var outputs = Feed.Values(new Wma(10), series);
        var expected = Enumerable.Range(0, series.Length - 9)
            .Select(i => series.Skip(i).Take(10).Select((x, k) => (k + 1) * x).Sum() / 55m);
        Assert.Equal(expected, outputs);
    }
}
