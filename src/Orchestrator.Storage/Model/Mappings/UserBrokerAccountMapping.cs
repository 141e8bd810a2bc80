using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="UserBrokerAccount"/> to <c>user_broker_accounts</c>; columns with a database default are sent only when set.</summary>
internal sealed class UserBrokerAccountMapping(bool postgres) : IEntityTypeConfiguration<UserBrokerAccount>
{
    public void Configure(EntityTypeBuilder<UserBrokerAccount> builder)
    {
        builder.ToTable("user_broker_accounts");
        builder.HasKey(e => e.AccountId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Broker>().WithMany().HasForeignKey(e => e.BrokerId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.AccountId).HasColumnName("account_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.BrokerId).HasColumnName("broker_id").HasMaxLength(50).IsRequired();
        builder.Property(e => e.AccountName).HasColumnName("account_name").HasMaxLength(100);
        builder.Property(e => e.BrokerAccountId).HasColumnName("broker_account_id").HasMaxLength(100).IsRequired();
        builder.Property(e => e.EncryptedCredentials).HasColumnName("encrypted_credentials");
        builder.Property(e => e.AccountType).HasColumnName("account_type").HasMaxLength(20).HasDefaultValueSql(postgres ? "'INDIVIDUAL'" : "'INDIVIDUAL'");
        builder.Property(e => e.Currency).HasColumnName("currency").HasMaxLength(3).HasDefaultValueSql(postgres ? "'USD'" : "'USD'");
        builder.Property(e => e.BaseCurrency).HasColumnName("base_currency").HasMaxLength(3).HasDefaultValueSql(postgres ? "'USD'" : "'USD'");
        builder.Property(e => e.IsConnected).HasColumnName("is_connected").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.LastConnectedAt).HasColumnName("last_connected_at");
        builder.Property(e => e.ConnectionError).HasColumnName("connection_error");
        builder.Property(e => e.MaxPositionSize).HasColumnName("max_position_size").HasPrecision(15, 2);
        builder.Property(e => e.MaxDailyVolume).HasColumnName("max_daily_volume").HasPrecision(15, 2);
        builder.Property(e => e.AllowedSymbols).HasColumnName("allowed_symbols");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.DeletedAt).HasColumnName("deleted_at");
    }
}
