using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Risk;
using Orchestrator.Storage.Model;
using DomainRiskProfile = Orchestrator.Domain.Risk.RiskProfile;

namespace Orchestrator.Server.Risk;

/// <summary>
/// What the pre-trade checklist needs from the database about a user: the active profile's limits (the seed's
/// defaults when there is none), the user's own daily loss limit and the kill switch's state.
/// </summary>
public sealed record RiskSettings(DomainRiskProfile Profile, decimal? UserMaxDailyLoss, KillSwitchState KillSwitch, Guid? ProfileId)
{
    public static async Task<RiskSettings> LoadAsync(OrchestratorDbContext db, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking().Where(u => u.UserId == userId).Select(u => new { u.MaxDailyLoss, u.TradingState }).FirstAsync(ct);
        var active = await db.RiskProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId && p.IsActive, ct);
        return new RiskSettings(active is null ? DomainRiskProfile.Default : ToDomain(active), user.MaxDailyLoss,
            Enum.Parse<KillSwitchState>(user.TradingState, ignoreCase: true), active?.ProfileId);
    }

    /// <summary>
    /// The equity the day's loss is measured from: the account's last balance recorded before the New York
    /// trading day of <paramref name="now"/> began; null when it has none from before (then: its equity now).
    /// </summary>
    public static Task<decimal?> SessionOpenEquityAsync(OrchestratorDbContext db, Guid accountId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dayStart = TradingHours.UsEquities.StartOfDay(TradingHours.UsEquities.TradingDay(now)).UtcDateTime;
        return db.AccountBalances.AsNoTracking().Where(b => b.AccountId == accountId && b.RecordedAt < dayStart)
            .OrderByDescending(b => b.RecordedAt).Select(b => b.PortfolioValue).FirstOrDefaultAsync(ct);
    }

    private static DomainRiskProfile ToDomain(Storage.Model.Entities.RiskProfile p) => new(
        p.MaxPositionSize, p.MaxSectorConcentration, p.MaxCorrelationExposure, p.MaxDailyLoss, p.MaxPortfolioRisk, p.MaxLongPositions,
        p.MaxShortPositions, p.MinCashPercentage, p.DefaultStopLossPercentage, p.TrailingStopEnabled ?? true, p.TrailingStopPercentage);
}
