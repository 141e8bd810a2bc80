using Orchestrator.Domain.Risk;
using Orchestrator.Domain.Risk.Alerts;
using Orchestrator.Domain.Risk.Metrics;
using MetricsPosition = Orchestrator.Domain.Risk.Metrics.Holding;

namespace Orchestrator.Domain.Tests.Risk.Alerts;

public sealed class AlertRulesTests
{
    [Fact]
    public void Near_breaches_from_80_percent_and_breaches_are_reported_per_sector_symbol_and_count()
    {
        // Positions: AAA 100 x 40 = 4,000 (Tech), BBB 50 x 20 = 1,000 (Tech), CCC -10 x 50 = 500 short (Energy).
        // Gross = 5,500: Tech = 5,000 / 5,500 = 0.909090..., Energy = 500 / 5,500 = 0.0909...
        MetricsPosition[] positions = [new("AAA", 100m, 40m, "Tech"), new("BBB", 50m, 20m, "Tech"), new("CCC", -10m, 50m, "Energy")];
        var report = RiskCalculator.Calculate(new PortfolioSnapshot(positions, 10_000m, 14_500m), new PriceHistory(
            new Dictionary<string, IReadOnlyList<DailyClose>>(), "AAA", []));
        // Limits: sector 0.9 (Tech at 0.909 / 0.9 = 1.0101 -> breach; Energy 0.101 -> nothing); position size 4,500
        // (AAA 4,000 / 4,500 = 0.888 -> near-breach; BBB 0.222, CCC 0.111 -> nothing); 2 longs of a max 2 -> breach (1.0);
        // 1 short of 10 -> nothing.
        var profile = RiskProfile.Default with { MaxSectorConcentration = 0.9m, MaxPositionSize = 4_500m, MaxLongPositions = 2 };

        var conditions = AlertRules.Evaluate(profile, report, positions);

        Assert.Equal(
            [("SECTOR_CONCENTRATION", "Tech", "HIGH"), ("POSITION_SIZE", "AAA", "MEDIUM"), ("LONG_POSITIONS", null, "HIGH")],
            conditions.Select(c => (c.Type, c.Subject, c.Severity)));
        Assert.Equal(5_000m / 5_500m / 0.9m, conditions[0].Utilization);
        Assert.Equal((4_000m, 4_500m, 4_000m / 4_500m - 1m), (conditions[1].Value, conditions[1].Threshold, conditions[1].ViolationPercentage));
        Assert.Equal(0m, conditions[2].ViolationPercentage);
    }

    [Fact]
    public void Unset_limits_raise_nothing()
    {
        MetricsPosition[] positions = [new("AAA", 100m, 40m, "Tech")];
        var report = RiskCalculator.Calculate(new PortfolioSnapshot(positions, 0m, 4_000m), new PriceHistory(
            new Dictionary<string, IReadOnlyList<DailyClose>>(), "AAA", []));
        Assert.Empty(AlertRules.Evaluate(RiskProfile.None, report, positions));
    }
}
