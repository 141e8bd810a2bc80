using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Risk.Alerts;

/// <summary>
/// Which of a profile's limits a risk report is near (80% and above) or past, per sector and per symbol:
/// SECTOR_CONCENTRATION (a sector's share of gross exposure against max_sector_concentration), POSITION_SIZE
/// (a position's absolute value against max_position_size), LONG_POSITIONS and SHORT_POSITIONS (the counts of
/// symbols held long and short against their maxima). Limits the profile leaves unset raise nothing.
/// </summary>
public static class AlertRules
{
    /// <summary>The share of a limit from which a condition is reported (a near-breach).</summary>
    public const decimal NearBreach = 0.80m;

    public static IReadOnlyList<AlertCondition> Evaluate(RiskProfile profile, RiskReport report, IReadOnlyList<Metrics.Holding> positions)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(positions);
        var conditions = new List<AlertCondition>();
        if (profile.MaxSectorConcentration is { } sectorLimit and > 0m)
        {
            foreach (var (sector, share) in report.SectorConcentrations.OrderBy(static kv => kv.Key, StringComparer.Ordinal))
            {
                Add(conditions, "SECTOR_CONCENTRATION", sector, share, sectorLimit);
            }
        }

        if (profile.MaxPositionSize is { } sizeLimit and > 0m)
        {
            foreach (var position in positions.OrderBy(static p => p.Symbol, StringComparer.Ordinal))
            {
                Add(conditions, "POSITION_SIZE", position.Symbol, Math.Abs(position.Value), sizeLimit);
            }
        }

        if (profile.MaxLongPositions is { } longs and > 0)
        {
            Add(conditions, "LONG_POSITIONS", null, positions.Count(static p => p.Quantity > 0m), longs);
        }

        if (profile.MaxShortPositions is { } shorts and > 0)
        {
            Add(conditions, "SHORT_POSITIONS", null, positions.Count(static p => p.Quantity < 0m), shorts);
        }

        return conditions;
    }

    private static void Add(List<AlertCondition> conditions, string type, string? subject, decimal value, decimal threshold)
    {
        var utilization = value / threshold;
        if (utilization >= NearBreach)
        {
            conditions.Add(new AlertCondition(type, subject, value, threshold, utilization));
        }
    }
}
