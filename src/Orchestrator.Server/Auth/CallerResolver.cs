using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Security;
using Orchestrator.Storage.Credentials;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Turns the credential of a request (a session's access token or an API key) into a <see cref="Caller"/>,
/// or null when it is unknown, expired, revoked, or its user is disabled or deleted. API keys' IP and
/// endpoint restrictions are checked here too; a violation is carried on the caller and answered 403.
/// </summary>
public sealed class CallerResolver(CredentialLookup credentials, CredentialCache cache, ISessionCache sessions, TimeProvider time, IOptions<SecurityOptions> options)
{
    // last_used_at is a hint for the user, not an audit record: writing it at most once a minute per key
    // keeps an UPDATE off nearly every request.
    private readonly ConcurrentDictionary<Guid, long> LastUsedWrites = new();

    public async Task<Caller?> FromSessionTokenAsync(string token, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(token);
        var now = time.GetUtcNow();
        var session = await sessions.GetAsync(hash);
        if (session is null)
        {
            var row = await credentials.FindSessionAsync(hash, ct);
            if (row is null || !SecretTokens.HashEquals(row.TokenHash, hash))
            {
                return null;
            }

            session = new CachedSession(row.SessionId, row.UserId, new DateTimeOffset(row.ExpiresAt, TimeSpan.Zero));
            await sessions.SetAsync(hash, session);
        }

        return session.ExpiresAt > now
            ? new Caller(session.UserId, session.SessionId, null, ApiPermissions.All, options.Value.SessionRequestsPerHour)
            : null;
    }

    public async Task<Caller?> FromApiKeyAsync(string key, HttpContext context, CancellationToken ct)
    {
        if (!ApiKeyFormat.LooksLikeKey(key))
        {
            return null;
        }

        var hash = SecretTokens.Hash(key);
        var now = time.GetUtcNow().UtcDateTime;
        var row = cache.Get(hash);
        if (row is null && await credentials.FindApiKeyAsync(hash, ct) is { } found)
        {
            cache.Set(hash, found);
            row = found;
        }

        if (row is null || !SecretTokens.HashEquals(row.KeyHash, hash) || (row.ExpiresAt is { } expires && expires <= now))
        {
            return null;
        }

        var permissions = (row.CanRead ? ApiPermissions.Read : 0) | (row.CanWrite ? ApiPermissions.Write : 0) | (row.CanTrade ? ApiPermissions.Trade : 0);
        var caller = new Caller(row.UserId, null, row.ApiKeyId, permissions, row.RateLimitPerHour)
        {
            RestrictionViolation = Violation(row.AllowedIps, row.AllowedEndpoints, context),
        };
        await TouchAsync(row.ApiKeyId, now, ct);
        return caller;
    }

    private static string? Violation(NpgsqlTypes.NpgsqlInet[]? allowedIps, string[]? allowedEndpoints, HttpContext context)
    {
        if (allowedIps is { Length: > 0 } && !IpRanges.Contains(allowedIps, context.Connection.RemoteIpAddress))
        {
            return "This API key may not be used from this IP address.";
        }

        var path = context.Request.Path.Value ?? "/";
        if (allowedEndpoints is { Length: > 0 } && !allowedEndpoints.Any(p => EndpointPatterns.Matches(p, context.Request.Method, path)))
        {
            return "This API key may not call this endpoint.";
        }

        return null;
    }

    private async Task TouchAsync(Guid apiKeyId, DateTime now, CancellationToken ct)
    {
        var last = LastUsedWrites.GetValueOrDefault(apiKeyId);
        if (now.Ticks - last < TimeSpan.TicksPerMinute || !LastUsedWrites.TryUpdate(apiKeyId, now.Ticks, last) && !LastUsedWrites.TryAdd(apiKeyId, now.Ticks))
        {
            return;
        }

        await credentials.TouchApiKeyAsync(apiKeyId, now, ct);
    }
}
