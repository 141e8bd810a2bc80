using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="TradingSignal"/> to <c>trading_signals</c>; columns with a database default are sent only when set.</summary>
internal sealed class TradingSignalMapping(bool postgres) : IEntityTypeConfiguration<TradingSignal>
{
    public void Configure(EntityTypeBuilder<TradingSignal> builder)
    {
        builder.ToTable("trading_signals");
        builder.HasKey(e => e.SignalId);
        builder.HasOne<Strategy>().WithMany().HasForeignKey(e => e.StrategyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.SignalId).HasColumnName("signal_id").ValueGeneratedNever();
        builder.Property(e => e.StrategyId).HasColumnName("strategy_id");
        builder.Property(e => e.Symbol).HasColumnName("symbol").HasMaxLength(20).IsRequired();
        builder.Property(e => e.SignalType).HasColumnName("signal_type").HasMaxLength(10).IsRequired();
        var strength = builder.Property(e => e.SignalStrength).HasColumnName("signal_strength").HasPrecision(5, 4);
        if (!postgres)
        {
            // The SQLite column is DECIMAL_TEXT (text affinity), so its CHECK (signal_strength BETWEEN 0 AND 1) compares
            // text: EF's default "1.0" sorts after "1" and a full-strength signal was refused. The shortest form ("1",
            // "0.25") compares as the number does.
            strength.HasConversion(new ValueConverter<decimal, string>(
                v => v.ToString("0.####", CultureInfo.InvariantCulture), v => decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        builder.Property(e => e.SignalReason).HasColumnName("signal_reason");
        builder.Property(e => e.TechnicalIndicators).HasColumnName("technical_indicators").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.MarketConditions).HasColumnName("market_conditions").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.Volatility).HasColumnName("volatility").HasPrecision(10, 6);
        builder.Property(e => e.VolumeRatio).HasColumnName("volume_ratio").HasPrecision(10, 4);
        builder.Property(e => e.RecommendedQuantity).HasColumnName("recommended_quantity").HasPrecision(20, 8);
        builder.Property(e => e.SuggestedEntryPrice).HasColumnName("suggested_entry_price").HasPrecision(15, 8);
        builder.Property(e => e.StopLossPrice).HasColumnName("stop_loss_price").HasPrecision(15, 8);
        builder.Property(e => e.TakeProfitPrice).HasColumnName("take_profit_price").HasPrecision(15, 8);
        builder.Property(e => e.Status).HasColumnName("status").HasMaxLength(20).HasDefaultValueSql(postgres ? "'ACTIVE'" : "'ACTIVE'");
        builder.Property(e => e.ExecutedAt).HasColumnName("executed_at");
        builder.Property(e => e.ExpiresAt).HasColumnName("expires_at");
        builder.Property(e => e.ActualEntryPrice).HasColumnName("actual_entry_price").HasPrecision(15, 8);
        builder.Property(e => e.ActualExitPrice).HasColumnName("actual_exit_price").HasPrecision(15, 8);
        builder.Property(e => e.RealizedPnl).HasColumnName("realized_pnl").HasPrecision(20, 8);
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
