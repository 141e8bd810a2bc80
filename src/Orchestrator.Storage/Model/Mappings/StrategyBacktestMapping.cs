using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="StrategyBacktest"/> to <c>strategy_backtests</c>; columns with a database default are sent only when set.</summary>
internal sealed class StrategyBacktestMapping(bool postgres) : IEntityTypeConfiguration<StrategyBacktest>
{
    public void Configure(EntityTypeBuilder<StrategyBacktest> builder)
    {
        builder.ToTable("strategy_backtests");
        builder.HasKey(e => e.BacktestId);
        builder.HasOne<Strategy>().WithMany().HasForeignKey(e => e.StrategyId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.BacktestId).HasColumnName("backtest_id").ValueGeneratedNever();
        builder.Property(e => e.StrategyId).HasColumnName("strategy_id");
        builder.Property(e => e.StartDate).HasColumnName("start_date");
        builder.Property(e => e.EndDate).HasColumnName("end_date");
        builder.Property(e => e.InitialCapital).HasColumnName("initial_capital").HasPrecision(20, 8);
        builder.Property(e => e.CommissionRate).HasColumnName("commission_rate").HasPrecision(6, 4).HasDefaultValueSql(postgres ? "0.001" : "0.001");
        builder.Property(e => e.FinalValue).HasColumnName("final_value").HasPrecision(20, 8);
        builder.Property(e => e.TotalReturn).HasColumnName("total_return").HasPrecision(10, 6);
        builder.Property(e => e.AnnualizedReturn).HasColumnName("annualized_return").HasPrecision(10, 6);
        builder.Property(e => e.Volatility).HasColumnName("volatility").HasPrecision(10, 6);
        builder.Property(e => e.SharpeRatio).HasColumnName("sharpe_ratio").HasPrecision(10, 6);
        builder.Property(e => e.MaxDrawdown).HasColumnName("max_drawdown").HasPrecision(10, 6);
        builder.Property(e => e.WinRate).HasColumnName("win_rate").HasPrecision(5, 4);
        builder.Property(e => e.ProfitFactor).HasColumnName("profit_factor").HasPrecision(10, 4);
        builder.Property(e => e.TotalTrades).HasColumnName("total_trades");
        builder.Property(e => e.WinningTrades).HasColumnName("winning_trades");
        builder.Property(e => e.LosingTrades).HasColumnName("losing_trades");
        builder.Property(e => e.AvgWin).HasColumnName("avg_win").HasPrecision(15, 8);
        builder.Property(e => e.AvgLoss).HasColumnName("avg_loss").HasPrecision(15, 8);
        builder.Property(e => e.LargestWin).HasColumnName("largest_win").HasPrecision(20, 8);
        builder.Property(e => e.LargestLoss).HasColumnName("largest_loss").HasPrecision(20, 8);
        builder.Property(e => e.Notes).HasColumnName("notes");
        var json = postgres ? "jsonb" : "JSON_TEXT";
        builder.Property(e => e.Symbols).HasColumnName("symbols").HasColumnType(json);
        builder.Property(e => e.Parameters).HasColumnName("parameters").HasColumnType(json);
        builder.Property(e => e.Settings).HasColumnName("settings").HasColumnType(json);
        builder.Property(e => e.Statistics).HasColumnName("statistics").HasColumnType(json);
        builder.Property(e => e.EquityCurve).HasColumnName("equity_curve").HasColumnType(json);
        builder.Property(e => e.Trades).HasColumnName("trades").HasColumnType(json);
        builder.Property(e => e.BarsProcessed).HasColumnName("bars_processed");
        builder.Property(e => e.OptimizationId).HasColumnName("optimization_id");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
