using NodaTime;

namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>data_retention_policies</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class DataRetentionPolicy
{
    public Guid PolicyId { get; set; } = Guid.CreateVersion7();

    public string TableName { get; set; } = string.Empty;

    public Period RetentionPeriod { get; set; } = null!;

    public Period ArchiveAfter { get; set; } = null!;

    public Period DeleteAfter { get; set; } = null!;

    public string TimeColumn { get; set; } = string.Empty;

    public bool? IsActive { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
