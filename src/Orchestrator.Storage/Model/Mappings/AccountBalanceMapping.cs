using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="AccountBalance"/> to <c>account_balances</c>; columns with a database default are sent only when set.</summary>
internal sealed class AccountBalanceMapping(bool postgres) : IEntityTypeConfiguration<AccountBalance>
{
    public void Configure(EntityTypeBuilder<AccountBalance> builder)
    {
        builder.ToTable("account_balances");
        builder.HasKey(e => e.BalanceId);
        builder.HasOne<UserBrokerAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.BalanceId).HasColumnName("balance_id").ValueGeneratedNever();
        builder.Property(e => e.AccountId).HasColumnName("account_id");
        builder.Property(e => e.Currency).HasColumnName("currency").HasMaxLength(3).IsRequired();
        builder.Property(e => e.CashBalance).HasColumnName("cash_balance").HasPrecision(20, 8).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.BuyingPower).HasColumnName("buying_power").HasPrecision(20, 8).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.PortfolioValue).HasColumnName("portfolio_value").HasPrecision(20, 8).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.MarginUsed).HasColumnName("margin_used").HasPrecision(20, 8).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.MarginAvailable).HasColumnName("margin_available").HasPrecision(20, 8).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.RecordedAt).HasColumnName("recorded_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
