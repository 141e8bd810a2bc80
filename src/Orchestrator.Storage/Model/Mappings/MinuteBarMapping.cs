using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="MinuteBar"/> to <c>market_data_1m</c>; columns with a database default are sent only when set.</summary>
internal sealed class MinuteBarMapping(bool postgres) : IEntityTypeConfiguration<MinuteBar>
{
    public void Configure(EntityTypeBuilder<MinuteBar> builder)
    {
        builder.ToTable("market_data_1m");
        builder.HasKey(e => new { e.Symbol, e.Timestamp });
        builder.Property(e => e.Symbol).HasColumnName("symbol").HasMaxLength(20).IsRequired();
        builder.Property(e => e.Timestamp).HasColumnName("timestamp");
        builder.Property(e => e.OpenPrice).HasColumnName("open_price").HasPrecision(15, 8);
        builder.Property(e => e.HighPrice).HasColumnName("high_price").HasPrecision(15, 8);
        builder.Property(e => e.LowPrice).HasColumnName("low_price").HasPrecision(15, 8);
        builder.Property(e => e.ClosePrice).HasColumnName("close_price").HasPrecision(15, 8);
        builder.Property(e => e.Volume).HasColumnName("volume").HasDefaultValueSql(postgres ? "0" : "0");
        builder.Property(e => e.Vwap).HasColumnName("vwap").HasPrecision(15, 8);
        builder.Property(e => e.Bid).HasColumnName("bid").HasPrecision(15, 8);
        builder.Property(e => e.Ask).HasColumnName("ask").HasPrecision(15, 8);
        builder.Property(e => e.BidSize).HasColumnName("bid_size");
        builder.Property(e => e.AskSize).HasColumnName("ask_size");
    }
}
