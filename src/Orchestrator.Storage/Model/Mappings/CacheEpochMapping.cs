using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="CacheEpoch"/> to <c>cache_epochs</c>.</summary>
internal sealed class CacheEpochMapping(bool postgres) : IEntityTypeConfiguration<CacheEpoch>
{
    public void Configure(EntityTypeBuilder<CacheEpoch> builder)
    {
        builder.ToTable("cache_epochs");
        builder.HasKey(e => e.Name);
        builder.Property(e => e.Name).HasColumnName("name").HasMaxLength(50).ValueGeneratedNever();
        builder.Property(e => e.Epoch).HasColumnName("epoch");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
