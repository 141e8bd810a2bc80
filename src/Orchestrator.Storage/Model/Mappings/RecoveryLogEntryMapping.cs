using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="RecoveryLogEntry"/> to <c>recovery_log</c>; columns with a database default are sent only when set.</summary>
internal sealed class RecoveryLogEntryMapping(bool postgres) : IEntityTypeConfiguration<RecoveryLogEntry>
{
    public void Configure(EntityTypeBuilder<RecoveryLogEntry> builder)
    {
        builder.ToTable("recovery_log");
        builder.HasKey(e => e.RecoveryId);
        builder.Property(e => e.RecoveryId).HasColumnName("recovery_id").ValueGeneratedNever();
        builder.Property(e => e.BackupId).HasColumnName("backup_id").HasMaxLength(100);
        builder.Property(e => e.TableName).HasColumnName("table_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.RecoveryType).HasColumnName("recovery_type").HasMaxLength(20).IsRequired();
        builder.Property(e => e.RecoveredRecords).HasColumnName("recovered_records");
        builder.Property(e => e.RecoveryTime).HasColumnName("recovery_time").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.Status).HasColumnName("status").HasMaxLength(20).IsRequired();
        builder.Property(e => e.Notes).HasColumnName("notes");
    }
}
