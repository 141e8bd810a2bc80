using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// max_portfolio_risk: the loss if every position were stopped out, Σ |quantity| × stop distance (see
/// <see cref="RiskContext"/> for a position's risk to its stop; without a stop, the profile's default stop), ÷
/// equity, must not exceed the limit. The order's symbol counts at its projected position and the reference
/// price: it keeps the held position's stop when the order adds to that position, else it is measured to the
/// default stop the new position will get. With default_stop_loss_percentage = max_portfolio_risk (the seed's
/// 0.02 and 0.02) this caps gross exposure at equity. When equity after the order is zero or less, no opening
/// order passes. Value: the share of equity; threshold: the limit.
/// </summary>
public sealed class MaxPortfolioRiskRule : RiskRule
{
    public static MaxPortfolioRiskRule Instance { get; } = new();

    public override string Limit => "max_portfolio_risk";

    protected override LimitViolation? Evaluate(RiskContext context, in OrderImpact impact)
    {
        if (context.Profile.MaxPortfolioRisk is not { } limit)
        {
            return null;
        }

        var entry = impact.Entry;
        var keepsStop = impact.Held != 0m && (impact.Held > 0m) == (impact.After > 0m);
        var stop = keepsStop ? entry!.Position!.StopPrice : null;
        var risk = context.StopRisk - (entry?.StopRisk ?? 0m) + context.RiskToStop(impact.After, impact.ReferencePrice, stop);
        var equity = impact.EquityAfter;
        if (equity <= 0m)
        {
            return RiskFormat.Violation(Limit, risk, limit,
                $"equity would be {RiskFormat.Money(equity)} against a risk to the stops of {RiskFormat.Money(risk)}; only orders that reduce a position are accepted");
        }

        if (risk <= limit * equity)
        {
            return null;
        }

        var share = risk / equity;
        return RiskFormat.Violation(Limit, share, limit,
            $"the risk to the stops, {RiskFormat.Money(risk)}, would be {RiskFormat.Ratio(share)} of equity, above the limit {RiskFormat.Ratio(limit)}");
    }
}
