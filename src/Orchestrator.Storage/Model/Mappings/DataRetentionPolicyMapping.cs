using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="DataRetentionPolicy"/> to <c>data_retention_policies</c>; columns with a database default are sent only when set.</summary>
internal sealed class DataRetentionPolicyMapping(bool postgres) : IEntityTypeConfiguration<DataRetentionPolicy>
{
    public void Configure(EntityTypeBuilder<DataRetentionPolicy> builder)
    {
        builder.ToTable("data_retention_policies");
        builder.HasKey(e => e.PolicyId);
        builder.Property(e => e.PolicyId).HasColumnName("policy_id").ValueGeneratedNever();
        builder.Property(e => e.TableName).HasColumnName("table_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.RetentionPeriod).HasColumnName("retention_period").IsRequired();
        builder.Property(e => e.ArchiveAfter).HasColumnName("archive_after").IsRequired();
        builder.Property(e => e.DeleteAfter).HasColumnName("delete_after").IsRequired();
        builder.Property(e => e.TimeColumn).HasColumnName("time_column").HasMaxLength(63).IsRequired().HasDefaultValueSql(postgres ? "'created_at'" : "'created_at'");
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
