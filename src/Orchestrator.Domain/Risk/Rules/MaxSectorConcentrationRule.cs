using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>
/// max_sector_concentration: the projected exposure of the order's sector (Σ |quantity| × mark over its
/// symbols, the order's symbol at its projected position and the reference price) ÷ the projected portfolio
/// (<see cref="OrderImpact.PortfolioAfter"/>: max(gross exposure, equity)) must not exceed the limit. A symbol
/// without a sector is in none and never fails this rule. Value: the share; threshold: the limit.
/// </summary>
public sealed class MaxSectorConcentrationRule : RiskRule
{
    public static MaxSectorConcentrationRule Instance { get; } = new();

    public override string Limit => "max_sector_concentration";

    protected override LimitViolation? Evaluate(RiskContext context, in OrderImpact impact)
    {
        if (context.Profile.MaxSectorConcentration is not { } limit)
        {
            return null;
        }

        string? sector;
        decimal exposure;
        if (impact.Entry is { } entry)
        {
            sector = entry.Sector?.Name;
            exposure = entry.Sector?.Exposure ?? 0m;
        }
        else
        {
            sector = context.SectorOf(impact.Order.Symbol);
            exposure = sector is null ? 0m : context.SectorExposure(sector);
        }

        if (sector is null)
        {
            return null;
        }

        var after = exposure - impact.ExposureBefore + impact.ExposureAfter;
        var portfolio = impact.PortfolioAfter;
        if (after <= limit * portfolio)
        {
            return null;
        }

        var share = after / portfolio;
        return RiskFormat.Violation(Limit, share, limit,
            $"{sector} would be {RiskFormat.Ratio(share)} of the portfolio, above the limit {RiskFormat.Ratio(limit)}");
    }
}
