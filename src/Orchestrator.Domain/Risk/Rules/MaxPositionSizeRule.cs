using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// max_position_size (the profile's, beside the account's own in <see cref="AccountLimits"/>): the projected
/// position's value, |quantity held ± working orders on the order's side ± the order| × reference price, must not
/// exceed the limit. Value: that position value; threshold: the limit.
/// </summary>
public sealed class MaxPositionSizeRule : RiskRule
{
    public static MaxPositionSizeRule Instance { get; } = new();

    public override string Limit => "max_position_size";

    protected override LimitViolation? Evaluate(RiskContext context, in OrderImpact impact)
    {
        if (context.Profile.MaxPositionSize is not { } limit || impact.ExposureAfter <= limit)
        {
            return null;
        }

        return RiskFormat.Violation(Limit, impact.ExposureAfter, limit,
            $"{impact.Order.Symbol} would be worth {RiskFormat.Money(impact.ExposureAfter)}, above the limit {RiskFormat.Money(limit)}");
    }
}
