using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="BacktestRun"/> to <c>backtest_runs</c>.</summary>
internal sealed class BacktestRunMapping(bool postgres) : IEntityTypeConfiguration<BacktestRun>
{
    public void Configure(EntityTypeBuilder<BacktestRun> builder)
    {
        builder.ToTable("backtest_runs");
        builder.HasKey(e => e.RunId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Strategy>().WithMany().HasForeignKey(e => e.StrategyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StrategyBacktest>().WithMany().HasForeignKey(e => e.BacktestId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.RunId).HasColumnName("run_id").ValueGeneratedNever();
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.StrategyId).HasColumnName("strategy_id");
        builder.Property(e => e.Status).HasColumnName("status").HasMaxLength(20);
        builder.Property(e => e.Progress).HasColumnName("progress").HasPrecision(5, 4);
        builder.Property(e => e.Request).HasColumnName("request").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.BacktestId).HasColumnName("backtest_id");
        builder.Property(e => e.Error).HasColumnName("error");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at");
        builder.Property(e => e.StartedAt).HasColumnName("started_at");
        builder.Property(e => e.FinishedAt).HasColumnName("finished_at");
    }
}
