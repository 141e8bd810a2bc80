using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="BackupConfig"/> to <c>backup_config</c>; columns with a database default are sent only when set.</summary>
internal sealed class BackupConfigMapping(bool postgres) : IEntityTypeConfiguration<BackupConfig>
{
    public void Configure(EntityTypeBuilder<BackupConfig> builder)
    {
        builder.ToTable("backup_config");
        builder.HasKey(e => e.ConfigId);
        builder.Property(e => e.ConfigId).HasColumnName("config_id").ValueGeneratedNever();
        builder.Property(e => e.TableName).HasColumnName("table_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.BackupType).HasColumnName("backup_type").HasMaxLength(20).IsRequired();
        builder.Property(e => e.Frequency).HasColumnName("frequency").HasMaxLength(20).IsRequired();
        builder.Property(e => e.RetentionCount).HasColumnName("retention_count").HasDefaultValueSql(postgres ? "7" : "7");
        builder.Property(e => e.Compress).HasColumnName("compress").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.Encrypt).HasColumnName("encrypt").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.DestinationPath).HasColumnName("destination_path");
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
