namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>analytics_data</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class AnalyticsDocument
{
    public Guid AnalyticsId { get; set; } = Guid.CreateVersion7();

    public DateOnly Date { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? TradingStats { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? SystemStats { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? UserStats { get; set; }

    public DateTime? CreatedAt { get; set; }
}
