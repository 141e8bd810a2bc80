using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="StrategyConfigDocument"/> to <c>strategy_configs</c>; columns with a database default are sent only when set.</summary>
internal sealed class StrategyConfigDocumentMapping(bool postgres) : IEntityTypeConfiguration<StrategyConfigDocument>
{
    public void Configure(EntityTypeBuilder<StrategyConfigDocument> builder)
    {
        builder.ToTable("strategy_configs");
        builder.HasKey(e => e.ConfigId);
        builder.HasOne<Strategy>().WithMany().HasForeignKey(e => e.StrategyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.ConfigId).HasColumnName("config_id").ValueGeneratedNever();
        builder.Property(e => e.StrategyId).HasColumnName("strategy_id");
        builder.Property(e => e.UserId).HasColumnName("user_id");
        builder.Property(e => e.Document).HasColumnName("document").HasColumnType(postgres ? "jsonb" : "JSON_TEXT").IsRequired();
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.Version).HasColumnName("version").HasMaxLength(20).HasDefaultValueSql(postgres ? "'1.0.0'" : "'1.0.0'");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
