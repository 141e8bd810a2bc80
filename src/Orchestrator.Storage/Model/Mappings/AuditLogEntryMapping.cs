using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="AuditLogEntry"/> to <c>audit_log</c>; columns with a database default are sent only when set.</summary>
internal sealed class AuditLogEntryMapping(bool postgres) : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.LogId);
        builder.Property(e => e.LogId).HasColumnName("log_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.ApiKeyId).HasColumnName("api_key_id");
        builder.Property(e => e.SessionId).HasColumnName("session_id");
        builder.Property(e => e.Action).HasColumnName("action").HasMaxLength(100).IsRequired();
        builder.Property(e => e.ResourceType).HasColumnName("resource_type").HasMaxLength(50);
        builder.Property(e => e.ResourceId).HasColumnName("resource_id").HasMaxLength(100);
        builder.Property(e => e.OldValues).HasColumnName("old_values").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.NewValues).HasColumnName("new_values").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.Metadata).HasColumnName("metadata").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.IpAddress).HasColumnName("ip_address");
        builder.Property(e => e.UserAgent).HasColumnName("user_agent");
        builder.Property(e => e.Endpoint).HasColumnName("endpoint").HasMaxLength(200);
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
