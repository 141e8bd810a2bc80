using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk.Rules;

namespace Orchestrator.Domain.Risk;

/// <summary>
/// The pre-trade risk checklist: every rule in a fixed order, the first violation denies with its reason. It
/// runs after the account's own checklist (<see cref="TradingAccount.Check"/>: the order's consistency,
/// allowed_symbols, the account's max_position_size, max_daily_volume, buying_power). The order, cheapest and
/// most fundamental first:
/// <list type="number">
/// <item>kill_switch: a REDUCING or HALTED user opens nothing, whatever the figures;</item>
/// <item>max_daily_loss: the account's state, independent of the order;</item>
/// <item>max_position_size: the order's own symbol;</item>
/// <item>max_long_positions, then max_short_positions: counts;</item>
/// <item>min_cash_percentage;</item>
/// <item>max_sector_concentration, then max_correlation_exposure: shares of the portfolio;</item>
/// <item>max_portfolio_risk: the risk to the stops.</item>
/// </list>
/// An order that only reduces a position (<see cref="OrderImpact.IsReducing"/>) passes every rule, even with a
/// limit already breached or the kill switch HALTED: closing is never refused.
/// <para>
/// <see cref="Check"/> returns exactly what running <see cref="Rules"/> one by one returns, faster: an order
/// clearly inside every limit is passed by a screen in double (<see cref="RiskScreen"/>), anything else by the
/// exact decimal rules.
/// </para>
/// </summary>
public static class RiskChecklist
{
    private static readonly RiskRule[] Ordered =
    [
        KillSwitchRule.Instance,
        MaxDailyLossRule.Instance,
        MaxPositionSizeRule.Instance,
        MaxLongPositionsRule.Instance,
        MaxShortPositionsRule.Instance,
        MinCashPercentageRule.Instance,
        MaxSectorConcentrationRule.Instance,
        MaxCorrelationExposureRule.Instance,
        MaxPortfolioRiskRule.Instance,
    ];

    /// <summary>The rules in the order they run.</summary>
    public static IReadOnlyList<RiskRule> Rules => Ordered;

    /// <summary>The first rule <paramref name="order"/> at <paramref name="referencePrice"/> breaks, or null when it passes them all. Changes nothing.</summary>
    public static LimitViolation? Check(RiskContext context, Order order, decimal referencePrice)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(order);
        if (referencePrice <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(referencePrice), referencePrice, "The reference price must be positive.");
        }

        // The common case, an order far inside every limit, is settled in double; anything near a limit, and every
        // refusal, is decided by the exact rules below (see RiskScreen).
        var state = context.Find(order.Symbol);
        if (RiskScreen.ClearlyPasses(context, order, referencePrice, state))
        {
            return null;
        }

        var impact = context.Impact(order, referencePrice, state);
        if (impact.IsReducing)
        {
            return null;
        }

        foreach (var rule in Ordered)
        {
            if (rule.Check(context, impact) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }
}
