using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="SchemaMigration"/> to <c>schema_migrations</c>; columns with a database default are sent only when set.</summary>
internal sealed class SchemaMigrationMapping(bool postgres) : IEntityTypeConfiguration<SchemaMigration>
{
    public void Configure(EntityTypeBuilder<SchemaMigration> builder)
    {
        builder.ToTable("schema_migrations");
        builder.HasKey(e => e.Version);
        builder.Property(e => e.Version).HasColumnName("version").HasMaxLength(50).IsRequired();
        builder.Property(e => e.AppliedAt).HasColumnName("applied_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.Description).HasColumnName("description");
        builder.Property(e => e.Checksum).HasColumnName("checksum").HasMaxLength(64);
        builder.Property(e => e.AppliedBy).HasColumnName("applied_by").HasMaxLength(100);
    }
}
