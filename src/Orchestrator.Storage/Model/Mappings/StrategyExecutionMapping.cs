using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="StrategyExecution"/> to <c>strategy_executions</c>; columns with a database default are sent only when set.</summary>
internal sealed class StrategyExecutionMapping(bool postgres) : IEntityTypeConfiguration<StrategyExecution>
{
    public void Configure(EntityTypeBuilder<StrategyExecution> builder)
    {
        builder.ToTable("strategy_executions");
        builder.HasKey(e => e.ExecutionId);
        builder.HasOne<TradingSignal>().WithMany().HasForeignKey(e => e.SignalId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => new { e.OrderId, e.OrderSubmittedAt }).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.ExecutionId).HasColumnName("execution_id").ValueGeneratedNever();
        builder.Property(e => e.SignalId).HasColumnName("signal_id");
        builder.Property(e => e.OrderId).HasColumnName("order_id");
        builder.Property(e => e.OrderSubmittedAt).HasColumnName("order_submitted_at");
        builder.Property(e => e.ExecutionType).HasColumnName("execution_type").HasMaxLength(20).IsRequired();
        builder.Property(e => e.ExecutionPrice).HasColumnName("execution_price").HasPrecision(15, 8);
        builder.Property(e => e.ExecutionQuantity).HasColumnName("execution_quantity").HasPrecision(20, 8);
        builder.Property(e => e.Pnl).HasColumnName("pnl").HasPrecision(20, 8);
        builder.Property(e => e.PnlPercentage).HasColumnName("pnl_percentage").HasPrecision(10, 6);
        builder.Property(e => e.Slippage).HasColumnName("slippage").HasPrecision(10, 6);
        builder.Property(e => e.LatencyMs).HasColumnName("latency_ms");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
