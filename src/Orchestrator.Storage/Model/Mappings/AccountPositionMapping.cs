using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="AccountPosition"/> to <c>account_positions</c>; columns with a database default are sent only when set.</summary>
internal sealed class AccountPositionMapping(bool postgres) : IEntityTypeConfiguration<AccountPosition>
{
    public void Configure(EntityTypeBuilder<AccountPosition> builder)
    {
        builder.ToTable("account_positions");
        builder.HasKey(e => e.PositionId);
        builder.HasOne<UserBrokerAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.PositionId).HasColumnName("position_id").ValueGeneratedNever();
        builder.Property(e => e.AccountId).HasColumnName("account_id");
        builder.Property(e => e.Symbol).HasColumnName("symbol").HasMaxLength(20).IsRequired();
        builder.Property(e => e.Quantity).HasColumnName("quantity").HasPrecision(20, 8);
        builder.Property(e => e.AveragePrice).HasColumnName("average_price").HasPrecision(15, 8);
        builder.Property(e => e.CurrentPrice).HasColumnName("current_price").HasPrecision(15, 8);
        builder.Property(e => e.PositionType).HasColumnName("position_type").HasMaxLength(10).IsRequired();
        builder.Property(e => e.Sector).HasColumnName("sector").HasMaxLength(50);
        builder.Property(e => e.AssetClass).HasColumnName("asset_class").HasMaxLength(20);
        builder.Property(e => e.OpenedAt).HasColumnName("opened_at");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.ClosedAt).HasColumnName("closed_at");
        builder.Property(e => e.RealizedPnl).HasColumnName("realized_pnl").HasPrecision(20, 8);
        builder.Property(e => e.StopPrice).HasColumnName("stop_price").HasPrecision(15, 8);
        builder.Property(e => e.StopTrailingPercentage).HasColumnName("stop_trailing_percentage").HasPrecision(5, 4);
        builder.Property(e => e.StopBestPrice).HasColumnName("stop_best_price").HasPrecision(15, 8);
        builder.Property(e => e.TakeProfitPrice).HasColumnName("take_profit_price").HasPrecision(15, 8);
    }
}
