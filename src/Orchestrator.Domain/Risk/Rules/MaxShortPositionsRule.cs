using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// max_short_positions: the number of distinct symbols held short after the order must not exceed the limit;
/// the mirror of <see cref="MaxLongPositionsRule"/> (only an order that adds a symbol to the short side can fail).
/// Value: the count after; threshold: the limit.
/// </summary>
public sealed class MaxShortPositionsRule : RiskRule
{
    public static MaxShortPositionsRule Instance { get; } = new();

    public override string Limit => "max_short_positions";

    protected override LimitViolation? Evaluate(RiskContext context, in OrderImpact impact)
    {
        if (context.Profile.MaxShortPositions is not { } limit || impact.After >= 0m || impact.Held < 0m)
        {
            return null;
        }

        var after = context.ShortPositions + 1;
        return after <= limit
            ? null
            : RiskFormat.Violation(Limit, after, limit, $"{after} symbols would be held short, above the limit {limit}");
    }
}
