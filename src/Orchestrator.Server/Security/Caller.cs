using System.Security.Claims;

namespace Orchestrator.Server.Security;

/// <summary>What an API key may do; a session may do everything its user may.</summary>
[Flags]
public enum ApiPermissions
{
    None = 0,
    Read = 1,
    Write = 2,
    Trade = 4,
    All = Read | Write | Trade,
}

/// <summary>
/// The authenticated caller of one request: a user through a session, or through one of their API keys.
/// Every query a handler runs is scoped by <see cref="UserId"/>.
/// </summary>
public sealed record Caller(Guid UserId, Guid? SessionId, Guid? ApiKeyId, ApiPermissions Permissions, int RequestsPerHour)
{
    /// <summary>Set when an API key's IP or endpoint restrictions refuse this request (answered 403).</summary>
    public string? RestrictionViolation { get; init; }

    public bool IsApiKey => ApiKeyId is not null;

    private const string FeatureKey = "orchestrator.caller";

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, UserId.ToString()) };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public void Attach(Microsoft.AspNetCore.Http.HttpContext context) => context.Items[FeatureKey] = this;

    public static Caller? Of(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Items.TryGetValue(FeatureKey, out var value) ? value as Caller : null;

    /// <summary>The caller of a request that passed authorization (every endpoint under /api/v1 but the anonymous ones).</summary>
    public static Caller Required(Microsoft.AspNetCore.Http.HttpContext context) =>
        Of(context) ?? throw new InvalidOperationException("No authenticated caller on an endpoint that requires one.");
}
