namespace Orchestrator.Server.Security;

/// <summary>The <c>Security</c> configuration section: token lifetimes, quotas and request limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Requests per hour for a logged-in session (API keys carry their own limit).</summary>
    public int SessionRequestsPerHour { get; set; } = 10_000;

    /// <summary>Requests per hour per client IP on routes that need no credentials (register, login, refresh).</summary>
    public int AnonymousRequestsPerHour { get; set; } = 600;

    /// <summary>Failed logins per account (email) per <see cref="LoginFailureWindow"/> before further attempts are refused.</summary>
    public int LoginFailuresPerAccount { get; set; } = 5;

    /// <summary>Failed logins per client IP per <see cref="LoginFailureWindow"/>, whatever emails they name.</summary>
    public int LoginFailuresPerIp { get; set; } = 20;

    public TimeSpan LoginFailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Where links in emails point (the verification link).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Argon2id memory in KiB: OWASP's minimum by default. Lower it only for tests.</summary>
    public int PasswordHashMemoryKiB { get; set; } = 19456;
}
