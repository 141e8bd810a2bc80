using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="Strategy"/> to <c>strategies</c>; columns with a database default are sent only when set.</summary>
internal sealed class StrategyMapping(bool postgres) : IEntityTypeConfiguration<Strategy>
{
    public void Configure(EntityTypeBuilder<Strategy> builder)
    {
        builder.ToTable("strategies");
        builder.HasKey(e => e.StrategyId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.StrategyId).HasColumnName("strategy_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.StrategyName).HasColumnName("strategy_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.StrategyType).HasColumnName("strategy_type").HasMaxLength(50).IsRequired();
        builder.Property(e => e.StrategyCategory).HasColumnName("strategy_category").HasMaxLength(30);
        builder.Property(e => e.Parameters).HasColumnName("parameters").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.RiskSettings).HasColumnName("risk_settings").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.Description).HasColumnName("description");
        builder.Property(e => e.Author).HasColumnName("author").HasMaxLength(100);
        builder.Property(e => e.Version).HasColumnName("version").HasMaxLength(20).HasDefaultValueSql(postgres ? "'1.0.0'" : "'1.0.0'");
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.IsPublic).HasColumnName("is_public").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.TotalTrades).HasColumnName("total_trades").HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.WinningTrades).HasColumnName("winning_trades").HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.TotalPnl).HasColumnName("total_pnl").HasPrecision(20, 8).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.MaxDrawdown).HasColumnName("max_drawdown").HasPrecision(10, 4).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.SharpeRatio).HasColumnName("sharpe_ratio").HasPrecision(10, 4);
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.LastRunAt).HasColumnName("last_run_at");
    }
}
