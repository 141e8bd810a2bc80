using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="RiskAlert"/> to <c>risk_alerts</c>; columns with a database default are sent only when set.</summary>
internal sealed class RiskAlertMapping(bool postgres) : IEntityTypeConfiguration<RiskAlert>
{
    public void Configure(EntityTypeBuilder<RiskAlert> builder)
    {
        builder.ToTable("risk_alerts");
        builder.HasKey(e => e.AlertId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.AlertId).HasColumnName("alert_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.AlertType).HasColumnName("alert_type").HasMaxLength(50).IsRequired();
        builder.Property(e => e.Severity).HasColumnName("severity").HasMaxLength(20).IsRequired();
        builder.Property(e => e.Title).HasColumnName("title").HasMaxLength(255).IsRequired();
        builder.Property(e => e.Message).HasColumnName("message").IsRequired();
        builder.Property(e => e.Symbol).HasColumnName("symbol").HasMaxLength(20);
        builder.Property(e => e.CurrentValue).HasColumnName("current_value").HasPrecision(20, 8);
        builder.Property(e => e.ThresholdValue).HasColumnName("threshold_value").HasPrecision(20, 8);
        builder.Property(e => e.ViolationPercentage).HasColumnName("violation_percentage").HasPrecision(10, 6);
        builder.Property(e => e.RiskMetrics).HasColumnName("risk_metrics").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.IsAcknowledged).HasColumnName("is_acknowledged").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.AcknowledgedAt).HasColumnName("acknowledged_at");
        builder.Property(e => e.AcknowledgedBy).HasColumnName("acknowledged_by");
        builder.Property(e => e.ResolutionAction).HasColumnName("resolution_action");
        builder.Property(e => e.ResolvedAt).HasColumnName("resolved_at");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
