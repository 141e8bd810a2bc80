using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class HighestLowestTests
{
    [Fact]
    public void Highest_and_lowest_of_3_by_hand()
    {
        // 5, 1, 4, 3, 2, 6, 0 in windows of 3:
        //   [5 1 4] [1 4 3] [4 3 2] [3 2 6] [2 6 0]
        //   max 5, 4, 4, 6, 6; min 1, 1, 2, 2, 0.
        // The deque for the maximum after [5 1 4] holds 5, 4 (1 was dominated by 4); when 5 leaves, 4 is the front.
        decimal[] series = [5m, 1m, 4m, 3m, 2m, 6m, 0m];
        Assert.Equal([5m, 4m, 4m, 6m, 6m], Feed.Values(new Highest(3), series));
        Assert.Equal([1m, 1m, 2m, 2m, 0m], Feed.Values(new Lowest(3), series));
    }

    [Fact]
    public void Age_counts_values_since_the_extreme()
    {
        // [5 1 4]: max 5 two values ago; min 1 one value ago.
        var highest = new Highest(3);
        var lowest = new Lowest(3);
        foreach (var x in new[] { 5m, 1m, 4m })
        {
            highest.Update(x);
            lowest.Update(x);
        }
        Assert.Equal(2, highest.Age);
        Assert.Equal(1, lowest.Age);
    }

    [Fact]
    public void Ready_after_N_and_reset()
    {
        var highest = new Highest(4);
        Assert.Equal(4, Feed.CountUntilReady(highest, [1m, 2m, 3m, 4m, 5m]));
        highest.Reset();
        Assert.False(highest.IsReady);
        Assert.Equal([2m], Feed.Values(highest, 1m, 1m, 2m, 0m));
    }

    [Fact]
    public void Deque_matches_brute_force_on_a_series_with_ties()
    {
        var series = Feed.Wavy(1000);
        foreach (var n in new[] { 1, 2, 5, 30 })
        {
            var windows = Enumerable.Range(0, series.Length - n + 1).Select(i => series.Skip(i).Take(n).ToArray()).ToList();
            Assert.Equal(windows.Select(w => w.Max()), Feed.Values(new Highest(n), series));
            Assert.Equal(windows.Select(w => w.Min()), Feed.Values(new Lowest(n), series));
        }
    }
}
