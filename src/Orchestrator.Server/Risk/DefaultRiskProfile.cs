using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Risk;

/// <summary>
/// The profile every new user starts with (<see cref="Domain.Risk.RiskProfile.FromTolerance"/>), as the seed's data migration (20241202_normalize_risk_settings)
/// builds it for existing users: named "Default Risk Profile", the user's max_daily_loss, a max_position_size of
/// 10% of that limit, and max_portfolio_risk by risk tolerance (CONSERVATIVE 0.01, MODERATE 0.02, AGGRESSIVE
/// 0.05, else 0.02); every other limit at the seed's default. It is the user's active profile. The limits are
/// derived only from a daily loss limit the user gave: one registered without it gets the table's defaults (no
/// position-size cap), not 10% of the column's 1,000.00 default, which would cap every position at 100.00. The
/// user's own max_daily_loss (that default included) still counts toward the kill switch.
/// </summary>
public static class DefaultRiskProfile
{
    public const string Name = "Default Risk Profile";

    public static RiskProfile For(User user, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var limits = Domain.Risk.RiskProfile.FromTolerance(user.RiskTolerance, user.MaxDailyLoss);
        return new RiskProfile
        {
            UserId = user.UserId,
            ProfileName = Name,
            Description = "Automatically generated default risk profile",
            IsActive = true,
            MaxPositionSize = limits.MaxPositionSize,
            MaxSectorConcentration = limits.MaxSectorConcentration,
            MaxCorrelationExposure = limits.MaxCorrelationExposure,
            MaxDailyLoss = limits.MaxDailyLoss,
            MaxPortfolioRisk = limits.MaxPortfolioRisk,
            MaxLongPositions = limits.MaxLongPositions,
            MaxShortPositions = limits.MaxShortPositions,
            MinCashPercentage = limits.MinCashPercentage,
            DefaultStopLossPercentage = limits.DefaultStopLossPercentage,
            TrailingStopEnabled = limits.TrailingStopEnabled,
            TrailingStopPercentage = limits.TrailingStopPercentage,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
