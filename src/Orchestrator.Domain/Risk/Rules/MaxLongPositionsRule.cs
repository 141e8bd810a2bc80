using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// max_long_positions: the number of distinct symbols held long after the order (the projected position of the
/// order's symbol counts) must not exceed the limit. Only an order that adds a symbol to the long side can fail:
/// adding to a long already held never does, even when a lowered limit is already exceeded.
/// Value: the count after; threshold: the limit.
/// </summary>
public sealed class MaxLongPositionsRule : RiskRule
{
    public static MaxLongPositionsRule Instance { get; } = new();

    public override string Limit => "max_long_positions";

    protected override LimitViolation? Evaluate(RiskContext context, in OrderImpact impact)
    {
        if (context.Profile.MaxLongPositions is not { } limit || impact.After <= 0m || impact.Held > 0m)
        {
            return null;
        }

        var after = context.LongPositions + 1;
        return after <= limit
            ? null
            : RiskFormat.Violation(Limit, after, limit, $"{after} symbols would be held long, above the limit {limit}");
    }
}
