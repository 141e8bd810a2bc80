namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>system_logs</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class SystemLogEntry
{
    public Guid LogId { get; set; } = Guid.CreateVersion7();

    public DateTime Timestamp { get; set; }

    public string Level { get; set; } = string.Empty;

    public string Service { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public Guid? UserId { get; set; }

    public Guid? StrategyId { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? Metadata { get; set; }
}
