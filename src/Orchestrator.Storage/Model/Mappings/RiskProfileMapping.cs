using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="RiskProfile"/> to <c>risk_profiles</c>; columns with a database default are sent only when set.</summary>
internal sealed class RiskProfileMapping(bool postgres) : IEntityTypeConfiguration<RiskProfile>
{
    public void Configure(EntityTypeBuilder<RiskProfile> builder)
    {
        builder.ToTable("risk_profiles");
        builder.HasKey(e => e.ProfileId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.ProfileId).HasColumnName("profile_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.ProfileName).HasColumnName("profile_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.Description).HasColumnName("description");
        builder.Property(e => e.MaxPositionSize).HasColumnName("max_position_size").HasPrecision(15, 8);
        builder.Property(e => e.MaxSectorConcentration).HasColumnName("max_sector_concentration").HasPrecision(5, 4).HasDefaultValueSql(postgres ? "0.30" : "0.30");
        builder.Property(e => e.MaxCorrelationExposure).HasColumnName("max_correlation_exposure").HasPrecision(5, 4).HasDefaultValueSql(postgres ? "0.50" : "0.50");
        builder.Property(e => e.MaxDailyLoss).HasColumnName("max_daily_loss").HasPrecision(15, 8);
        builder.Property(e => e.MaxPortfolioRisk).HasColumnName("max_portfolio_risk").HasPrecision(5, 4).HasDefaultValueSql(postgres ? "0.02" : "0.02");
        builder.Property(e => e.MaxLongPositions).HasColumnName("max_long_positions").HasDefaultValueSql(postgres ? "20" : "20");
        builder.Property(e => e.MaxShortPositions).HasColumnName("max_short_positions").HasDefaultValueSql(postgres ? "10" : "10");
        builder.Property(e => e.MinCashPercentage).HasColumnName("min_cash_percentage").HasPrecision(5, 4).HasDefaultValueSql(postgres ? "0.05" : "0.05");
        builder.Property(e => e.DefaultStopLossPercentage).HasColumnName("default_stop_loss_percentage").HasPrecision(5, 4).HasDefaultValueSql(postgres ? "0.02" : "0.02");
        builder.Property(e => e.TrailingStopEnabled).HasColumnName("trailing_stop_enabled").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.TrailingStopPercentage).HasColumnName("trailing_stop_percentage").HasPrecision(5, 4).HasDefaultValueSql(postgres ? "0.01" : "0.01");
        builder.Property(e => e.IsActive).HasColumnName("is_active");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
