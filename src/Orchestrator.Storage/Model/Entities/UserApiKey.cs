using NpgsqlTypes;

namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>user_api_keys</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class UserApiKey
{
    public Guid ApiKeyId { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string KeyName { get; set; } = string.Empty;

    public string ApiKeyHash { get; set; } = string.Empty;

    public string ApiKeyPrefix { get; set; } = string.Empty;

    public bool? CanRead { get; set; }

    public bool? CanWrite { get; set; }

    public bool? CanTrade { get; set; }

    public int? RateLimitPerHour { get; set; }

    public NpgsqlInet[]? AllowedIps { get; set; }

    public string[]? AllowedEndpoints { get; set; }

    public bool? IsActive { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
