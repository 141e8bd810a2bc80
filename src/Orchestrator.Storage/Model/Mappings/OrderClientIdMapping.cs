using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="OrderClientId"/> to <c>order_client_ids</c>.</summary>
internal sealed class OrderClientIdMapping(bool postgres) : IEntityTypeConfiguration<OrderClientId>
{
    public void Configure(EntityTypeBuilder<OrderClientId> builder)
    {
        builder.ToTable("order_client_ids");
        builder.HasKey(e => new { e.AccountId, e.ClientOrderId });
        builder.Property(e => e.AccountId).HasColumnName("account_id");
        builder.Property(e => e.ClientOrderId).HasColumnName("client_order_id").HasMaxLength(100);
        builder.Property(e => e.OrderId).HasColumnName("order_id");
        builder.Property(e => e.OrderSubmittedAt).HasColumnName("order_submitted_at");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.HasOne<UserBrokerAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => new { e.OrderId, e.OrderSubmittedAt }).OnDelete(DeleteBehavior.Cascade);
    }
}
