namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>recovery_log</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class RecoveryLogEntry
{
    public Guid RecoveryId { get; set; } = Guid.CreateVersion7();

    public string? BackupId { get; set; }

    public string TableName { get; set; } = string.Empty;

    public string RecoveryType { get; set; } = string.Empty;

    public int? RecoveredRecords { get; set; }

    public DateTime? RecoveryTime { get; set; }

    public string Status { get; set; } = string.Empty;

    public string? Notes { get; set; }
}
