using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// min_cash_percentage: cash after the order ÷ equity after it must not fall below the limit. Cash after =
/// cash − (working orders on the order's side of its symbol + the order) × reference price for a buy, + for a
/// sell (a short sale's proceeds sit in cash, as in <see cref="TradingAccount"/>; the margin a short needs is
/// <see cref="TradingAccount.Check"/>'s buying-power check). Equity after: see <see cref="OrderImpact.EquityAfter"/>;
/// when it is zero or less, no opening order passes. Value: the ratio; threshold: the limit.
/// </summary>
public sealed class MinCashPercentageRule : RiskRule
{
    public static MinCashPercentageRule Instance { get; } = new();

    public override string Limit => "min_cash_percentage";

    protected override LimitViolation? Evaluate(RiskContext context, in OrderImpact impact)
    {
        if (context.Profile.MinCashPercentage is not { } limit)
        {
            return null;
        }

        var cash = context.Cash - (impact.Sign * (impact.Pending + impact.Order.Quantity) * impact.ReferencePrice);
        var equity = impact.EquityAfter;
        if (equity <= 0m)
        {
            return RiskFormat.Violation(Limit, equity, limit,
                $"equity would be {RiskFormat.Money(equity)}, leaving no cash share to keep; only orders that reduce a position are accepted");
        }

        if (cash >= limit * equity)
        {
            return null;
        }

        var ratio = cash / equity;
        return RiskFormat.Violation(Limit, ratio, limit,
            $"cash would be {RiskFormat.Ratio(ratio)} of equity, below the limit {RiskFormat.Ratio(limit)}");
    }
}
