namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>system_metrics</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class SystemMetric
{
    public Guid MetricId { get; set; } = Guid.CreateVersion7();

    public string MetricName { get; set; } = string.Empty;

    public string MetricCategory { get; set; } = string.Empty;

    public decimal? MetricValue { get; set; }

    public string? MetricUnit { get; set; }

    public string? ServiceName { get; set; }

    public string? Endpoint { get; set; }

    public string? BrokerId { get; set; }

    public DateTime? RecordedAt { get; set; }
}
