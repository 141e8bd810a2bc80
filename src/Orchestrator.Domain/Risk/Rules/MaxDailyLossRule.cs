using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// max_daily_loss: once the user's day's loss (equity at the session open − equity now: realized and unrealized since
/// the open, this account's plus the user's other accounts') reaches the lower of the user's and the profile's limit,
/// only orders that reduce a position pass.
/// Value: the loss; threshold: the limit. The order itself does not move the figure (a fill at the reference
/// price swaps cash for an equal value), so the check is of the account's state.
/// </summary>
public sealed class MaxDailyLossRule : RiskRule
{
    public static MaxDailyLossRule Instance { get; } = new();

    public override string Limit => "max_daily_loss";

    protected override LimitViolation? Evaluate(RiskContext context, in OrderImpact impact)
    {
        var pnl = context.DailyPnl;
        if (!DailyLoss.IsHit(pnl, context.DailyLossLimit))
        {
            return null;
        }

        var limit = context.DailyLossLimit!.Value;
        return RiskFormat.Violation(Limit, -pnl, limit,
            $"the day's loss {RiskFormat.Money(-pnl)} has reached the limit {RiskFormat.Money(limit)}; only orders that reduce a position are accepted");
    }
}
