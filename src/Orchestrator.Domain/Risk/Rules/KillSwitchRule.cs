using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// kill_switch: while the user's <see cref="KillSwitch"/> is REDUCING or HALTED, an order that opens or increases
/// exposure is refused (a reducing one passes, as for every rule). Value and threshold are 0: there is no figure.
/// </summary>
public sealed class KillSwitchRule : RiskRule
{
    public static KillSwitchRule Instance { get; } = new();

    public override string Limit => "kill_switch";

    protected override LimitViolation? Evaluate(RiskContext context, in OrderImpact impact) =>
        context.KillSwitch == KillSwitchState.Active
            ? null
            : RiskFormat.Violation(Limit, 0m, 0m,
                $"trading is {context.KillSwitch.ToName()}; only orders that reduce a position are accepted");
}
