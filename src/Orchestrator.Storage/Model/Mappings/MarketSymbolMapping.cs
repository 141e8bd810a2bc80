using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="MarketSymbol"/> to <c>market_symbols</c>; columns with a database default are sent only when set.</summary>
internal sealed class MarketSymbolMapping(bool postgres) : IEntityTypeConfiguration<MarketSymbol>
{
    public void Configure(EntityTypeBuilder<MarketSymbol> builder)
    {
        builder.ToTable("market_symbols");
        builder.HasKey(e => e.SymbolId);
        builder.Property(e => e.SymbolId).HasColumnName("symbol_id").ValueGeneratedNever();
        builder.Property(e => e.Symbol).HasColumnName("symbol").HasMaxLength(20).IsRequired();
        builder.Property(e => e.CompanyName).HasColumnName("company_name").HasMaxLength(255);
        builder.Property(e => e.Exchange).HasColumnName("exchange").HasMaxLength(50).IsRequired();
        builder.Property(e => e.Sector).HasColumnName("sector").HasMaxLength(50);
        builder.Property(e => e.Industry).HasColumnName("industry").HasMaxLength(100);
        builder.Property(e => e.AssetClass).HasColumnName("asset_class").HasMaxLength(20).IsRequired();
        builder.Property(e => e.Currency).HasColumnName("currency").HasMaxLength(3).IsRequired();
        builder.Property(e => e.TickSize).HasColumnName("tick_size").HasPrecision(10, 8);
        builder.Property(e => e.ContractSize).HasColumnName("contract_size").HasPrecision(15, 8);
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.TradingHours).HasColumnName("trading_hours").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
