using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="SystemLogEntry"/> to <c>system_logs</c>; columns with a database default are sent only when set.</summary>
internal sealed class SystemLogEntryMapping(bool postgres) : IEntityTypeConfiguration<SystemLogEntry>
{
    public void Configure(EntityTypeBuilder<SystemLogEntry> builder)
    {
        builder.ToTable("system_logs");
        builder.HasKey(e => e.LogId);
        builder.Property(e => e.LogId).HasColumnName("log_id").ValueGeneratedNever();
        builder.Property(e => e.Timestamp).HasColumnName("timestamp").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.Level).HasColumnName("level").HasMaxLength(10).IsRequired();
        builder.Property(e => e.Service).HasColumnName("service").HasMaxLength(50).IsRequired();
        builder.Property(e => e.Message).HasColumnName("message").IsRequired();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.StrategyId).HasColumnName("strategy_id");
        builder.Property(e => e.Metadata).HasColumnName("metadata").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
    }
}
