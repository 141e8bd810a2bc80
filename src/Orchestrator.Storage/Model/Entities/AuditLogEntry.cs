using System.Net;

namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>audit_log</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class AuditLogEntry
{
    public Guid LogId { get; set; } = Guid.CreateVersion7();

    public Guid? UserId { get; set; }

    public Guid? ApiKeyId { get; set; }

    public Guid? SessionId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? OldValues { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? NewValues { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? Metadata { get; set; }

    public IPAddress? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public string? Endpoint { get; set; }

    public DateTime? CreatedAt { get; set; }
}
