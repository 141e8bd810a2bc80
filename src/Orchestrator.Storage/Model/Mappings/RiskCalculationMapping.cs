using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="RiskCalculation"/> to <c>risk_calculations</c>; columns with a database default are sent only when set.</summary>
internal sealed class RiskCalculationMapping(bool postgres) : IEntityTypeConfiguration<RiskCalculation>
{
    public void Configure(EntityTypeBuilder<RiskCalculation> builder)
    {
        builder.ToTable("risk_calculations");
        builder.HasKey(e => e.CalculationId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<UserBrokerAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.CalculationId).HasColumnName("calculation_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.AccountId).HasColumnName("account_id");
        builder.Property(e => e.PortfolioValue).HasColumnName("portfolio_value").HasPrecision(20, 8);
        builder.Property(e => e.CashBalance).HasColumnName("cash_balance").HasPrecision(20, 8);
        builder.Property(e => e.InvestedAmount).HasColumnName("invested_amount").HasPrecision(20, 8);
        builder.Property(e => e.PortfolioVar1d).HasColumnName("portfolio_var_1d").HasPrecision(20, 8);
        builder.Property(e => e.PortfolioVar5d).HasColumnName("portfolio_var_5d").HasPrecision(20, 8);
        builder.Property(e => e.ExpectedShortfall).HasColumnName("expected_shortfall").HasPrecision(20, 8);
        builder.Property(e => e.PortfolioBeta).HasColumnName("portfolio_beta").HasPrecision(10, 6);
        builder.Property(e => e.SectorConcentrations).HasColumnName("sector_concentrations").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.SymbolConcentrations).HasColumnName("symbol_concentrations").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.CorrelationRisk).HasColumnName("correlation_risk").HasPrecision(10, 6);
        builder.Property(e => e.LongExposure).HasColumnName("long_exposure").HasPrecision(20, 8);
        builder.Property(e => e.ShortExposure).HasColumnName("short_exposure").HasPrecision(20, 8);
        builder.Property(e => e.NetExposure).HasColumnName("net_exposure").HasPrecision(20, 8);
        builder.Property(e => e.IlliquidPositions).HasColumnName("illiquid_positions").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.PortfolioTurnover).HasColumnName("portfolio_turnover").HasPrecision(10, 6);
        builder.Property(e => e.CalculatedAt).HasColumnName("calculated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
