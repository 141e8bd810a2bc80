using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>Delta-normal VaR = z_α × σ (sample, n − 1; mean assumed 0 in the formula), 5-day = √5 × 1-day.</summary>
public sealed class ParametricVarTests
{
    // P&L 100, −200, 300, −400, 300: mean 100 ÷ 5 = 20; deviations 80, −220, 280, −420, 280;
    // squares 6400 + 48400 + 78400 + 176400 + 78400 = 388000; ÷ (5 − 1) = 97000; σ = √97000 = 311.44823004794875.
    // z₀.₉₅ = 1.6448536269514727, z₀.₉₉ = 2.3263478740408411 (mpmath: √2 · erfinv(2α − 1), 30 digits).
    private static readonly double[] Pnl = [100, -200, 300, -400, 300];

    [Fact]
    public void One_day_is_z_times_the_sample_deviation()
    {
        // 1.6448536269514727 × 311.44823004794875 = 512.28675080198513
        // 2.3263478740408411 × 311.44823004794875 = 724.53692784582836
        Assert.Equal(311.44823004794875, ParametricVar.StandardDeviation(Pnl), 1e-10);
        Assert.Equal(512.28675080198513, ParametricVar.OneDay(Pnl, 0.95m), 1e-9);
        Assert.Equal(724.53692784582836, ParametricVar.OneDay(Pnl, 0.99m), 1e-9);
    }

    [Fact]
    public void Five_day_is_root_five_times_one_day()
    {
        // √5 × 512.28675080198513 = 1145.5079987657337; √5 × 724.53692784582836 = 1620.1138228721325
        Assert.Equal(1145.5079987657337, ParametricVar.FiveDay(Pnl, 0.95m), 1e-9);
        Assert.Equal(1620.1138228721325, ParametricVar.FiveDay(Pnl, 0.99m), 1e-9);
    }

    [Fact]
    public void Z_scores_are_the_standard_normal_quantiles()
    {
        Assert.Equal(1.6448536269514727, ParametricVar.Z(0.95m), 1e-14);
        Assert.Equal(2.3263478740408411, ParametricVar.Z(0.99m), 1e-14);
    }
}
