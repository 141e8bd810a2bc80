using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="UserStrategy"/> to <c>user_strategies</c>; columns with a database default are sent only when set.</summary>
internal sealed class UserStrategyMapping(bool postgres) : IEntityTypeConfiguration<UserStrategy>
{
    public void Configure(EntityTypeBuilder<UserStrategy> builder)
    {
        builder.ToTable("user_strategies");
        builder.HasKey(e => e.UserStrategyId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        // Migration 20261126_005: the instance row shares its strategy's id and goes with it (NOTES.md defect 14).
        builder.HasOne<Strategy>().WithOne().HasForeignKey<UserStrategy>(e => e.UserStrategyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StrategyTemplate>().WithMany().HasForeignKey(e => e.TemplateId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.UserStrategyId).HasColumnName("user_strategy_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.TemplateId).HasColumnName("template_id");
        builder.Property(e => e.StrategyName).HasColumnName("strategy_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.Parameters).HasColumnName("parameters").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.RiskSettings).HasColumnName("risk_settings").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.TradingSchedule).HasColumnName("trading_schedule").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.AccountId).HasColumnName("account_id");
        builder.Property(e => e.Symbols).HasColumnName("symbols").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.RunState).HasColumnName("run_state").HasMaxLength(10);
        builder.Property(e => e.RunStateReason).HasColumnName("run_state_reason");
        builder.Property(e => e.RunStateChangedAt).HasColumnName("run_state_changed_at");
        builder.Property(e => e.TotalTrades).HasColumnName("total_trades").HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.TotalPnl).HasColumnName("total_pnl").HasPrecision(20, 8).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.WinRate).HasColumnName("win_rate").HasPrecision(5, 4);
        builder.Property(e => e.MaxDrawdown).HasColumnName("max_drawdown").HasPrecision(10, 4).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.LastRunAt).HasColumnName("last_run_at");
    }
}
