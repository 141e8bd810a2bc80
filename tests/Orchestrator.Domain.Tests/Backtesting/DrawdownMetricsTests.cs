using Orchestrator.Domain.Backtesting.Statistics;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class DrawdownMetricsTests
{
    // Lean's own cases for Drawdown Recovery (its DrawdownRecoveryTests), one value a day from 2025-01-01.
    [Theory]
    [InlineData(new[] { 100.0, 90, 100 }, 2)]                 // back at 100 two days after the high
    [InlineData(new[] { 100.0, 90, 95, 100 }, 3)]
    [InlineData(new[] { 100.0, 90, 100, 90, 100 }, 2)]        // two equal dips, 2 days each
    [InlineData(new[] { 100.0, 90, 100, 90, 80, 100 }, 3)]    // the deepest dip starts at the second 100
    [InlineData(new[] { 100.0, 90, 95, 90, 100 }, 4)]         // nested: 95 is no new high
    [InlineData(new[] { 100.0, 90, 80, 70 }, 0)]              // never recovered
    [InlineData(new[] { 100.0, 90, 95, 90 }, 0)]
    [InlineData(new[] { 50.0, 100, 98, 99, 100 }, 3)]         // from the later, higher peak
    [InlineData(new[] { 100.0, 100, 100 }, 0)]                // no drawdown
    [InlineData(new[] { 100.0 }, 0)]
    [InlineData(new double[0], 0)]
    [InlineData(new[] { 100.0, 98, 100, 101, 100, 99 }, 2)]   // −2% beats 99/101 − 1 = −1.98%
    [InlineData(new[] { 100.0, 97, 99, 97, 100 }, 4)]
    public void Recovery_days_match_Leans_cases(double[] values, int expectedDays)
    {
        var start = new DateOnly(2025, 1, 1);
        var equity = values.Select((v, i) => (start.AddDays(i), (decimal)v)).ToList();
        Assert.Equal(expectedDays, DrawdownMetrics.Measure(equity).RecoveryDays);
    }

    [Fact]
    public void Drawdown_is_the_deepest_fall_rounded_half_to_even()
    {
        var start = new DateOnly(2025, 1, 1);
        // 100 → 120 → 90: 90/120 − 1 = −0.25 → 0.25; 110 later is no deeper.
        Assert.Equal(new DrawdownMetrics(0.25m, 0), DrawdownMetrics.Measure([(start, 100m), (start.AddDays(1), 120m), (start.AddDays(2), 90m), (start.AddDays(3), 110m)]));
        // 1000 → 998.5: −0.0015 rounds to even at 3 places, 0.002; at 2 places 0.00.
        List<(DateOnly, decimal)> small = [(start, 1000m), (start.AddDays(1), 998.5m)];
        Assert.Equal(0.002m, DrawdownMetrics.Measure(small).Drawdown);
        Assert.Equal(0.00m, DrawdownMetrics.Measure(small, 2).Drawdown);
    }
}
