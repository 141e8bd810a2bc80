using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="User"/> to <c>users</c>; columns with a database default are sent only when set.</summary>
internal sealed class UserMapping(bool postgres) : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(e => e.UserId);
        builder.Property(e => e.UserId).HasColumnName("user_id").ValueGeneratedNever();
        builder.Property(e => e.Email).HasColumnName("email").HasMaxLength(255).IsRequired();
        builder.Property(e => e.PasswordHash).HasColumnName("password_hash").HasMaxLength(255).IsRequired();
        builder.Property(e => e.FirstName).HasColumnName("first_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.LastName).HasColumnName("last_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.Phone).HasColumnName("phone").HasMaxLength(20);
        builder.Property(e => e.DateOfBirth).HasColumnName("date_of_birth");
        builder.Property(e => e.CountryCode).HasColumnName("country_code").HasMaxLength(3);
        builder.Property(e => e.Timezone).HasColumnName("timezone").HasMaxLength(50).HasDefaultValueSql(postgres ? "'UTC'" : "'UTC'");
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.IsVerified).HasColumnName("is_verified").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.VerificationToken).HasColumnName("verification_token").HasMaxLength(255);
        builder.Property(e => e.VerificationExpires).HasColumnName("verification_expires");
        builder.Property(e => e.PreferredCurrency).HasColumnName("preferred_currency").HasMaxLength(3).HasDefaultValueSql(postgres ? "'USD'" : "'USD'");
        builder.Property(e => e.RiskTolerance).HasColumnName("risk_tolerance").HasMaxLength(20).HasDefaultValueSql(postgres ? "'MODERATE'" : "'MODERATE'");
        builder.Property(e => e.TradingState).HasColumnName("trading_state").HasMaxLength(10);
        builder.Property(e => e.TradingStateReason).HasColumnName("trading_state_reason");
        builder.Property(e => e.TradingStateChangedAt).HasColumnName("trading_state_changed_at");
        builder.Property(e => e.MaxDailyLoss).HasColumnName("max_daily_loss").HasPrecision(15, 2).HasDefaultValueSql(postgres ? "1000.00" : "'1000.00'");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.LastLogin).HasColumnName("last_login");
        builder.Property(e => e.DeletedAt).HasColumnName("deleted_at");
    }
}
