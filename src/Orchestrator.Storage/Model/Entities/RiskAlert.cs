namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>risk_alerts</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class RiskAlert
{
    public Guid AlertId { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string AlertType { get; set; } = string.Empty;

    public string Severity { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public string? Symbol { get; set; }

    public decimal? CurrentValue { get; set; }

    public decimal? ThresholdValue { get; set; }

    public decimal? ViolationPercentage { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? RiskMetrics { get; set; }

    public bool? IsAcknowledged { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public Guid? AcknowledgedBy { get; set; }

    public string? ResolutionAction { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? CreatedAt { get; set; }
}
