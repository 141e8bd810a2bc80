using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="Order"/> to <c>orders</c>; columns with a database default are sent only when set.</summary>
internal sealed class OrderMapping(bool postgres) : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(e => new { e.OrderId, e.SubmittedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<UserBrokerAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.OrderId).HasColumnName("order_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.AccountId).HasColumnName("account_id");
        builder.Property(e => e.ClientOrderId).HasColumnName("client_order_id").HasMaxLength(100);
        builder.Property(e => e.BrokerOrderId).HasColumnName("broker_order_id").HasMaxLength(100);
        builder.Property(e => e.StrategyId).HasColumnName("strategy_id");
        builder.Property(e => e.Symbol).HasColumnName("symbol").HasMaxLength(20).IsRequired();
        builder.Property(e => e.Side).HasColumnName("side").HasMaxLength(4).IsRequired();
        builder.Property(e => e.OrderType).HasColumnName("order_type").HasMaxLength(10).IsRequired();
        builder.Property(e => e.Quantity).HasColumnName("quantity").HasPrecision(20, 8);
        builder.Property(e => e.FilledQuantity).HasColumnName("filled_quantity").HasPrecision(20, 8).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.LimitPrice).HasColumnName("limit_price").HasPrecision(15, 8);
        builder.Property(e => e.StopPrice).HasColumnName("stop_price").HasPrecision(15, 8);
        builder.Property(e => e.AverageFillPrice).HasColumnName("average_fill_price").HasPrecision(15, 8);
        builder.Property(e => e.TimeInForce).HasColumnName("time_in_force").HasMaxLength(10).HasDefaultValueSql(postgres ? "'DAY'" : "'DAY'");
        builder.Property(e => e.GoodTillDate).HasColumnName("good_till_date");
        builder.Property(e => e.Status).HasColumnName("status").HasMaxLength(20).IsRequired();
        builder.Property(e => e.RejectionReason).HasColumnName("rejection_reason");
        builder.Property(e => e.OrderSource).HasColumnName("order_source").HasMaxLength(20).HasDefaultValueSql(postgres ? "'MANUAL'" : "'MANUAL'");
        builder.Property(e => e.Commission).HasColumnName("commission").HasPrecision(10, 4).HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.SubmittedAt).HasColumnName("submitted_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.FilledAt).HasColumnName("filled_at");
        builder.Property(e => e.CancelledAt).HasColumnName("cancelled_at");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
