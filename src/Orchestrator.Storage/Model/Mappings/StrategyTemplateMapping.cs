using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Model.Mappings;

/// <summary>Maps <see cref="StrategyTemplate"/> to <c>strategy_templates</c>; columns with a database default are sent only when set.</summary>
internal sealed class StrategyTemplateMapping(bool postgres) : IEntityTypeConfiguration<StrategyTemplate>
{
    public void Configure(EntityTypeBuilder<StrategyTemplate> builder)
    {
        builder.ToTable("strategy_templates");
        builder.HasKey(e => e.TemplateId);
        builder.Property(e => e.TemplateId).HasColumnName("template_id").ValueGeneratedNever();
        builder.Property(e => e.TemplateName).HasColumnName("template_name").HasMaxLength(100).IsRequired();
        builder.Property(e => e.TemplateType).HasColumnName("template_type").HasMaxLength(50).IsRequired();
        builder.Property(e => e.Description).HasColumnName("description");
        builder.Property(e => e.DefaultParameters).HasColumnName("default_parameters").HasColumnType(postgres ? "jsonb" : "JSON_TEXT").IsRequired();
        builder.Property(e => e.DefaultRiskSettings).HasColumnName("default_risk_settings").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.ParameterSchema).HasColumnName("parameter_schema").HasColumnType(postgres ? "jsonb" : "JSON_TEXT");
        builder.Property(e => e.Author).HasColumnName("author").HasMaxLength(100);
        builder.Property(e => e.Version).HasColumnName("version").HasMaxLength(20).HasDefaultValueSql(postgres ? "'1.0.0'" : "'1.0.0'");
        builder.Property(e => e.Category).HasColumnName("category").HasMaxLength(30);
        builder.Property(e => e.Tags).HasColumnName("tags");
        builder.Property(e => e.IsPremium).HasColumnName("is_premium").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.LicenseType).HasColumnName("license_type").HasMaxLength(20).HasDefaultValueSql(postgres ? "'FREE'" : "'FREE'");
        builder.Property(e => e.IsActive).HasColumnName("is_active").HasDefaultValueSql(postgres ? "true" : "true");
        builder.Property(e => e.IsVerified).HasColumnName("is_verified").HasDefaultValueSql(postgres ? "false" : "false");
        builder.Property(e => e.VerificationDate).HasColumnName("verification_date");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql(postgres ? "CURRENT_TIMESTAMP" : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
    }
}
