using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="ApiUsage"/> to <c>api_usage</c>; columns with a database default are sent only when set.</summary>
internal sealed class ApiUsageMapping(bool postgres) : IEntityTypeConfiguration<ApiUsage>
{
    public void Configure(EntityTypeBuilder<ApiUsage> builder)
    {
        builder.ToTable("api_usage");
        builder.HasKey(e => e.UsageId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<UserApiKey>().WithMany().HasForeignKey(e => e.ApiKeyId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.UsageId).HasColumnName("usage_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.ApiKeyId).HasColumnName("api_key_id");
        builder.Property(e => e.Endpoint).HasColumnName("endpoint").HasMaxLength(200).IsRequired();
        builder.Property(e => e.HttpMethod).HasColumnName("http_method").HasMaxLength(10).IsRequired();
        builder.Property(e => e.ResponseTimeMs).HasColumnName("response_time_ms");
        builder.Property(e => e.StatusCode).HasColumnName("status_code");
        builder.Property(e => e.RequestSizeBytes).HasColumnName("request_size_bytes");
        builder.Property(e => e.ResponseSizeBytes).HasColumnName("response_size_bytes");
        builder.Property(e => e.RateLimitRemaining).HasColumnName("rate_limit_remaining");
        builder.Property(e => e.RateLimitReset).HasColumnName("rate_limit_reset");
        builder.Property(e => e.IpAddress).HasColumnName("ip_address");
        builder.Property(e => e.UserAgent).HasColumnName("user_agent");
        builder.Property(e => e.RequestedAt).HasColumnName("requested_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
