using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="SystemMetric"/> to <c>system_metrics</c>; columns with a database default are sent only when set.</summary>
internal sealed class SystemMetricMapping(bool postgres) : IEntityTypeConfiguration<SystemMetric>
{
    public void Configure(EntityTypeBuilder<SystemMetric> builder)
    {
        builder.ToTable("system_metrics");
        builder.HasKey(e => e.MetricId);
        builder.Property(e => e.MetricId).HasColumnName("metric_id").ValueGeneratedNever();
        builder.Property(e => e.MetricName).HasColumnName("metric_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.MetricCategory).HasColumnName("metric_category").HasMaxLength(50).IsRequired();
        builder.Property(e => e.MetricValue).HasColumnName("metric_value").HasPrecision(20, 8);
        builder.Property(e => e.MetricUnit).HasColumnName("metric_unit").HasMaxLength(20);
        builder.Property(e => e.ServiceName).HasColumnName("service_name").HasMaxLength(50);
        builder.Property(e => e.Endpoint).HasColumnName("endpoint").HasMaxLength(100);
        builder.Property(e => e.BrokerId).HasColumnName("broker_id").HasMaxLength(50);
        builder.Property(e => e.RecordedAt).HasColumnName("recorded_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
