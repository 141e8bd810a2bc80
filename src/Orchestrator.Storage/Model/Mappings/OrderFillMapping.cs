using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="OrderFill"/> to <c>order_fills</c>; columns with a database default are sent only when set.</summary>
internal sealed class OrderFillMapping(bool postgres) : IEntityTypeConfiguration<OrderFill>
{
    public void Configure(EntityTypeBuilder<OrderFill> builder)
    {
        builder.ToTable("order_fills");
        builder.HasKey(e => e.FillId);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => new { e.OrderId, e.OrderSubmittedAt }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.FillId).HasColumnName("fill_id").ValueGeneratedNever();
        builder.Property(e => e.OrderId).HasColumnName("order_id");
        builder.Property(e => e.OrderSubmittedAt).HasColumnName("order_submitted_at");
        builder.Property(e => e.FillQuantity).HasColumnName("fill_quantity").HasPrecision(20, 8);
        builder.Property(e => e.FillPrice).HasColumnName("fill_price").HasPrecision(15, 8);
        builder.Property(e => e.Commission).HasColumnName("commission").HasPrecision(10, 4).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.LiquidityIndicator).HasColumnName("liquidity_indicator").HasMaxLength(1);
        builder.Property(e => e.TradeId).HasColumnName("trade_id").HasMaxLength(100);
        builder.Property(e => e.ExchangeTime).HasColumnName("exchange_time");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
