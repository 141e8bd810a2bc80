using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="UserSession"/> to <c>user_sessions</c>; columns with a database default are sent only when set.</summary>
internal sealed class UserSessionMapping(bool postgres) : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.HasKey(e => e.SessionId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.SessionId).HasColumnName("session_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.SessionToken).HasColumnName("session_token").HasMaxLength(255).IsRequired();
        builder.Property(e => e.RefreshToken).HasColumnName("refresh_token").HasMaxLength(255);
        builder.Property(e => e.IpAddress).HasColumnName("ip_address");
        builder.Property(e => e.UserAgent).HasColumnName("user_agent");
        builder.Property(e => e.ExpiresAt).HasColumnName("expires_at");
        builder.Property(e => e.FamilyId).HasColumnName("family_id");
        builder.Property(e => e.RefreshExpiresAt).HasColumnName("refresh_expires_at");
        builder.Property(e => e.RotatedAt).HasColumnName("rotated_at");
        builder.Property(e => e.RevokedAt).HasColumnName("revoked_at");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
