using System.Net;

namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>api_usage</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class ApiUsage
{
    public Guid UsageId { get; set; } = Guid.CreateVersion7();

    public Guid? UserId { get; set; }

    public Guid? ApiKeyId { get; set; }

    public string Endpoint { get; set; } = string.Empty;

    public string HttpMethod { get; set; } = string.Empty;

    public int? ResponseTimeMs { get; set; }

    public int? StatusCode { get; set; }

    public int? RequestSizeBytes { get; set; }

    public int? ResponseSizeBytes { get; set; }

    public int? RateLimitRemaining { get; set; }

    public DateTime? RateLimitReset { get; set; }

    public IPAddress? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public DateTime? RequestedAt { get; set; }
}
