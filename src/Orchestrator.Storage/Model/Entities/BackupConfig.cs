namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>backup_config</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class BackupConfig
{
    public Guid ConfigId { get; set; } = Guid.CreateVersion7();

    public string TableName { get; set; } = string.Empty;

    public string BackupType { get; set; } = string.Empty;

    public string Frequency { get; set; } = string.Empty;

    public int? RetentionCount { get; set; }

    public bool? Compress { get; set; }

    public bool? Encrypt { get; set; }

    public string? DestinationPath { get; set; }

    public bool? IsActive { get; set; }

    public DateTime? CreatedAt { get; set; }
}
