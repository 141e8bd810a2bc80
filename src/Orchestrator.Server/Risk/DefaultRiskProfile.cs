using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Risk;

/// <summary>
/// The profile every new user starts with (<see cref="Domain.Risk.RiskProfile.FromTolerance"/>), as the seed's data migration (20241202_normalize_risk_settings)
/// builds it for existing users: named "Default Risk Profile", the user's max_daily_loss, a max_position_size of
/// 10% of that limit, and max_portfolio_risk by risk tolerance (CONSERVATIVE 0.01, MODERATE 0.02, AGGRESSIVE
/// 0.05, else 0.02); every other limit at the seed's default. It is the user's active profile. A user registered
/// without a daily loss limit has the column's default, 1,000.00, as the migration would have seen it, so the
/// default profile caps positions at 100.00 until the user changes it.
/// </summary>
public static class DefaultRiskProfile
{
    public const string Name = "Default Risk Profile";

    /// <summary>users.max_daily_loss's column default.</summary>
    public const decimal UsersDefaultMaxDailyLoss = 1000.00m;

    public static RiskProfile For(User user, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var limits = Domain.Risk.RiskProfile.FromTolerance(user.RiskTolerance, user.MaxDailyLoss ?? UsersDefaultMaxDailyLoss);
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
