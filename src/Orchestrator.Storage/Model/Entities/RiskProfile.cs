namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>risk_profiles</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class RiskProfile
{
    public Guid ProfileId { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string ProfileName { get; set; } = string.Empty;

    public string? Description { get; set; }

    public decimal? MaxPositionSize { get; set; }

    public decimal? MaxSectorConcentration { get; set; }

    public decimal? MaxCorrelationExposure { get; set; }

    public decimal? MaxDailyLoss { get; set; }

    public decimal? MaxPortfolioRisk { get; set; }

    public int? MaxLongPositions { get; set; }

    public int? MaxShortPositions { get; set; }

    public decimal? MinCashPercentage { get; set; }

    public decimal? DefaultStopLossPercentage { get; set; }

    public bool? TrailingStopEnabled { get; set; }

    public decimal? TrailingStopPercentage { get; set; }

    /// <summary>The profile enforced for its user (migration 007: at most one per user).</summary>
    public bool IsActive { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
