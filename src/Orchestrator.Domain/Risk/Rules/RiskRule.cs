using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// One named pre-trade risk rule: a pure function of a <see cref="RiskContext"/>, a proposed order and its
/// reference price, returning null (passes) or the <see cref="LimitViolation"/> naming the limit, the value the
/// order would reach and the threshold. An order that only reduces a position (<see cref="OrderImpact.IsReducing"/>)
/// passes every rule, whatever the state of the limits: closing is never refused. The base class enforces that,
/// so no rule can forget it.
/// </summary>
public abstract class RiskRule
{
    /// <summary>The limit's stored name (the <c>risk_profiles</c> column, or <c>kill_switch</c>).</summary>
    public abstract string Limit { get; }

    /// <summary>Checks <paramref name="order"/> valued at <paramref name="referencePrice"/>.</summary>
    public LimitViolation? Check(RiskContext context, Order order, decimal referencePrice)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Check(context, context.Impact(order, referencePrice));
    }

    /// <summary>Checks an order whose impact is already computed (the checklist computes it once for all rules).</summary>
    public LimitViolation? Check(RiskContext context, in OrderImpact impact) => impact.IsReducing ? null : Evaluate(context, impact);

    /// <summary>The rule proper, for an order that opens or increases exposure.</summary>
    protected abstract LimitViolation? Evaluate(RiskContext context, in OrderImpact impact);
}
