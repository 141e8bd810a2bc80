namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>strategy_configs</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class StrategyConfigDocument
{
    public Guid ConfigId { get; set; } = Guid.CreateVersion7();

    public Guid StrategyId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string Document { get; set; } = string.Empty;

    public bool? IsActive { get; set; }

    public string? Version { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
