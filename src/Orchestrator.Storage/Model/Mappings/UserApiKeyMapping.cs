using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="UserApiKey"/> to <c>user_api_keys</c>; columns with a database default are sent only when set.</summary>
internal sealed class UserApiKeyMapping(bool postgres) : IEntityTypeConfiguration<UserApiKey>
{
    public void Configure(EntityTypeBuilder<UserApiKey> builder)
    {
        builder.ToTable("user_api_keys");
        builder.HasKey(e => e.ApiKeyId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.ApiKeyId).HasColumnName("api_key_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.KeyName).HasColumnName("key_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.ApiKeyHash).HasColumnName("api_key_hash").HasMaxLength(255).IsRequired();
        builder.Property(e => e.ApiKeyPrefix).HasColumnName("api_key_prefix").HasMaxLength(20).IsRequired();
        builder.Property(e => e.CanRead).HasColumnName("can_read").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.CanWrite).HasColumnName("can_write").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.CanTrade).HasColumnName("can_trade").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.RateLimitPerHour).HasColumnName("rate_limit_per_hour").HasDefaultValueSql(postgres ? "1000" : "1000");
        builder.Property(e => e.AllowedIps).HasColumnName("allowed_ips");
        builder.Property(e => e.AllowedEndpoints).HasColumnName("allowed_endpoints");
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.LastUsedAt).HasColumnName("last_used_at");
        builder.Property(e => e.ExpiresAt).HasColumnName("expires_at");
        builder.Property(e => e.RevokedAt).HasColumnName("revoked_at");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
