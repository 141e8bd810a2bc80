using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="Broker"/> to <c>brokers</c>; columns with a database default are sent only when set.</summary>
internal sealed class BrokerMapping(bool postgres) : IEntityTypeConfiguration<Broker>
{
    public void Configure(EntityTypeBuilder<Broker> builder)
    {
        builder.ToTable("brokers");
        builder.HasKey(e => e.BrokerId);
        builder.Property(e => e.BrokerId).HasColumnName("broker_id").HasMaxLength(50).IsRequired();
        builder.Property(e => e.BrokerName).HasColumnName("broker_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.BrokerType).HasColumnName("broker_type").HasMaxLength(20).IsRequired();
        builder.Property(e => e.BaseUrl).HasColumnName("base_url").HasMaxLength(255);
        builder.Property(e => e.DocumentationUrl).HasColumnName("documentation_url").HasMaxLength(255);
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
