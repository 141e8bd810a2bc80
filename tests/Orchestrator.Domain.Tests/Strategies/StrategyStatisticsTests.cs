using Orchestrator.Domain.Strategies;

namespace Orchestrator.Domain.Tests.Strategies;

public sealed class StrategyStatisticsTests
{
    [Fact]
    public void Four_closed_trades_give_the_hand_worked_figures()
    {
        // Capital 100,000; trades +1000 (2%), -3000 (-3%), +500 (1%), +4000 (4%).
        // Equity 100,000 → 101,000 (peak) → 98,000 → 98,500 → 102,500 (new peak): the deepest fall is
        // 3,000 from the 101,000 peak, 3000 / 101000 = 0.029702970...
        // Returns: mean 0.04 / 4 = 0.01; deviations 0.01, -0.04, 0, 0.03; squares sum 0.0026; sample variance
        // 0.0026 / 3 = 0.000866667; s = 0.029439203; Sharpe = 0.01 / 0.029439203 × √252 (15.874508) = 5.392302.
        var statistics = StrategyStatistics.Compute(
            [new(1000m, 0.02m), new(-3000m, -0.03m), new(500m, 0.01m), new(4000m, 0.04m)], 100_000m);

        Assert.Equal(4, statistics.TotalTrades);
        Assert.Equal(3, statistics.WinningTrades);
        Assert.Equal(2500m, statistics.TotalPnl);
        Assert.Equal(0.75m, statistics.WinRate);
        Assert.Equal(0.0297029703m, Math.Round(statistics.MaxDrawdown, 10));
        Assert.Equal(5.392302m, Math.Round(statistics.SharpeRatio!.Value, 6));
    }

    [Fact]
    public void Without_trades_nothing_is_won_or_lost_and_ratios_are_undefined()
    {
        var statistics = StrategyStatistics.Compute([], 100_000m);
        Assert.Equal(new StrategyStatistics(0, 0, 0m, null, 0m, null), statistics);
    }

    [Fact]
    public void Sharpe_needs_two_returns_that_vary()
    {
        Assert.Null(StrategyStatistics.Compute([new(10m, 0.01m)], 1000m).SharpeRatio);
        Assert.Null(StrategyStatistics.Compute([new(10m, 0.01m), new(10m, 0.01m)], 1000m).SharpeRatio);
        // A trade without a return still counts as a trade, not as a return.
        var mixed = StrategyStatistics.Compute([new(10m, 0.01m), new(-5m, null), new(20m, 0.03m)], 1000m);
        Assert.Equal(3, mixed.TotalTrades);
        Assert.NotNull(mixed.SharpeRatio);
    }
}
