using System.Net;

namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>user_sessions</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class UserSession
{
    public Guid SessionId { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string SessionToken { get; set; } = string.Empty;

    public string? RefreshToken { get; set; }

    public IPAddress? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? CreatedAt { get; set; }

    /// <summary>Shared by a session and every session refreshed from it (reuse of a refresh token revokes them all).</summary>
    public Guid FamilyId { get; set; }

    public DateTime? RefreshExpiresAt { get; set; }

    /// <summary>When a refresh replaced this session with a new one.</summary>
    public DateTime? RotatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
