namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>brokers</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class Broker
{
    public string BrokerId { get; set; } = string.Empty;

    public string BrokerName { get; set; } = string.Empty;

    public string BrokerType { get; set; } = string.Empty;

    public string? BaseUrl { get; set; }

    public string? DocumentationUrl { get; set; }

    public bool? IsActive { get; set; }

    public DateTime? CreatedAt { get; set; }
}
