namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>schema_migrations</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class SchemaMigration
{
    public string Version { get; set; } = string.Empty;

    public DateTime? AppliedAt { get; set; }

    public string? Description { get; set; }

    public string? Checksum { get; set; }

    public string? AppliedBy { get; set; }
}
