using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="AnalyticsDocument"/> to <c>analytics_data</c>; columns with a database default are sent only when set.</summary>
internal sealed class AnalyticsDocumentMapping(bool postgres) : IEntityTypeConfiguration<AnalyticsDocument>
{
    public void Configure(EntityTypeBuilder<AnalyticsDocument> builder)
    {
        builder.ToTable("analytics_data");
        builder.HasKey(e => e.AnalyticsId);
        builder.Property(e => e.AnalyticsId).HasColumnName("analytics_id").ValueGeneratedNever();
        builder.Property(e => e.Date).HasColumnName("date");
        builder.Property(e => e.TradingStats).HasColumnName("trading_stats").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.SystemStats).HasColumnName("system_stats").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.UserStats).HasColumnName("user_stats").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
