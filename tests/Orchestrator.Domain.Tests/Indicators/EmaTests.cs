using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

public sealed class EmaTests
{
    [Fact]
    public void Ema3_is_seeded_with_the_sma_then_smoothed_with_alpha_one_half()
    {
        // α = 2/(3+1) = 0.5. Seed = (1+2+3)/3 = 2; then 2 + 0.5(6 − 2) = 4; then 4 + 0.5(2 − 4) = 3.
        var ema = new Ema(3);
        Assert.Equal(0.5m, ema.Alpha);
        Assert.Equal([2m, 4m, 3m], Feed.Values(ema, 1m, 2m, 3m, 6m, 2m));
    }

    [Fact]
    public void Ready_after_exactly_N_values()
    {
        Assert.Equal(3, Feed.CountUntilReady(new Ema(3), [1m, 2m, 3m, 4m]));
        Assert.Equal(12, new Ema(12).WarmUpPeriod);
    }

    [Fact]
    public void Ema_of_a_constant_is_the_constant()
    {
        var outputs = Feed.Values(new Ema(10), Enumerable.Repeat(42.5m, 200).ToArray());
        Assert.All(outputs, v => Assert.Equal(42.5m, v));
    }

    [Fact]
    public void Reset_restarts_the_seed()
    {
        var ema = new Ema(2);
        Feed.Values(ema, 10m, 20m, 30m);
        ema.Reset();
        Assert.False(ema.IsReady);
        // Seed (4 + 6) / 2 = 5.
        Assert.Equal([5m], Feed.Values(ema, 4m, 6m));
    }
}
