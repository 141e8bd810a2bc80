using Orchestrator.Server.Security;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.ApiKeys;

/// <summary>The body of <c>POST /api/v1/api-keys</c>. Omitted permissions take the seed's defaults (read only).</summary>
public sealed record CreateApiKeyRequest(
    string? Name,
    bool? CanRead = null,
    bool? CanWrite = null,
    bool? CanTrade = null,
    int? RateLimitPerHour = null,
    string[]? AllowedIps = null,
    string[]? AllowedEndpoints = null,
    DateTimeOffset? ExpiresAt = null);

/// <summary>The one time the full key is shown.</summary>
public sealed record CreatedApiKey(Guid ApiKeyId, string Key, string Prefix);

/// <summary>A key as listed: its prefix, never the key or its hash.</summary>
public sealed record ApiKeyView(
    Guid ApiKeyId, string Name, string Prefix, bool CanRead, bool CanWrite, bool CanTrade, int RateLimitPerHour,
    string[] AllowedIps, string[] AllowedEndpoints, bool IsActive, DateTime? LastUsedAt, DateTime? ExpiresAt,
    DateTime? CreatedAt, DateTime? RevokedAt)
{
    public static ApiKeyView From(UserApiKey key) => new(
        key.ApiKeyId, key.KeyName, key.ApiKeyPrefix, key.CanRead != false, key.CanWrite == true, key.CanTrade == true,
        key.RateLimitPerHour ?? 1000, key.AllowedIps?.Select(i => $"{i.Address}/{i.Netmask}").ToArray() ?? [],
        key.AllowedEndpoints ?? [], key.IsActive != false && key.RevokedAt is null, key.LastUsedAt, key.ExpiresAt, key.CreatedAt, key.RevokedAt);
}
