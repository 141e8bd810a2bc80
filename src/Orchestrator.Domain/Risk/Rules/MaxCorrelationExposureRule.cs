using System.Globalization;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// max_correlation_exposure: the share of the projected portfolio (<see cref="OrderImpact.PortfolioAfter"/>)
/// in the order's symbol and the positions that move with it must not exceed the limit. "Move with it": a held
/// position in a symbol whose return correlation ρ with the order's symbol has direction-adjusted value
/// d(order's projected position) × d(held position) × ρ &gt; the matrix's threshold (0.7 by default): a long
/// beside a long with ρ = 0.8 counts, a long beside a short with ρ = −0.8 counts (they lose together), a long
/// beside a short with ρ = 0.8 does not (a hedge). The exposure counted is the order's symbol's projected
/// |quantity| × reference price plus those positions' |quantity| × mark. A symbol the matrix does not know
/// counts alone. Value: the share; threshold: the limit. O(1): <see cref="RiskContext"/> keeps each symbol's
/// correlated exposure current as positions change.
/// </summary>
public sealed class MaxCorrelationExposureRule : RiskRule
{
    public static MaxCorrelationExposureRule Instance { get; } = new();

    public override string Limit => "max_correlation_exposure";

    protected override LimitViolation? Evaluate(RiskContext context, in OrderImpact impact)
    {
        if (context.Profile.MaxCorrelationExposure is not { } limit)
        {
            return null;
        }

        // The context keeps, per symbol, the exposure moving with a long and with a short in it (updated as positions change).
        var threshold = context.Correlations.Threshold;
        var state = impact.Entry;
        var (moving, count) = impact.After > 0m
            ? (state?.MovesWithLong ?? 0m, state?.CountWithLong ?? 0)
            : (state?.MovesWithShort ?? 0m, state?.CountWithShort ?? 0);
        var exposure = impact.ExposureAfter + moving;
        var portfolio = impact.PortfolioAfter;
        if (exposure <= limit * portfolio)
        {
            return null;
        }

        var share = exposure / portfolio;
        var positions = count == 1 ? "1 position" : $"{count} positions";
        return RiskFormat.Violation(Limit, share, limit,
            $"{impact.Order.Symbol} and {positions} correlated with it above {threshold.ToString("0.00", CultureInfo.InvariantCulture)} would be {RiskFormat.Ratio(share)} of the portfolio, above the limit {RiskFormat.Ratio(limit)}");
    }
}
