using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Security;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Turns the credential of a request (a session's access token or an API key) into a <see cref="Caller"/>,
/// or null when it is unknown, expired, revoked, or its user is disabled or deleted. API keys' IP and
/// endpoint restrictions are checked here too; a violation is carried on the caller and answered 403.
/// </summary>
public sealed class CallerResolver(OrchestratorDbContext db, ISessionCache sessions, TimeProvider time, IOptions<SecurityOptions> options)
{
    // last_used_at is a hint for the user, not an audit record: writing it at most once a minute per key
    // keeps an UPDATE off nearly every request.
    private static readonly ConcurrentDictionary<Guid, long> LastUsedWrites = new();

    public async Task<Caller?> FromSessionTokenAsync(string token, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(token);
        var now = time.GetUtcNow();
        var session = await sessions.GetAsync(hash);
        if (session is null)
        {
            var row = await db.UserSessions.AsNoTracking()
                .Where(s => s.SessionToken == hash && s.RevokedAt == null && s.RotatedAt == null)
                .Join(db.Users.Where(u => u.DeletedAt == null && u.IsActive != false), s => s.UserId, u => u.UserId, (s, u) => new { s.SessionId, s.UserId, s.ExpiresAt, s.SessionToken })
                .SingleOrDefaultAsync(ct);
            if (row is null || !SecretTokens.HashEquals(row.SessionToken, hash))
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
        var row = await db.UserApiKeys.AsNoTracking()
            .Where(k => k.ApiKeyHash == hash && k.IsActive != false && k.RevokedAt == null)
            .Join(db.Users.Where(u => u.DeletedAt == null && u.IsActive != false), k => k.UserId, u => u.UserId, (k, u) => k)
            .SingleOrDefaultAsync(ct);
        if (row is null || !SecretTokens.HashEquals(row.ApiKeyHash, hash) || (row.ExpiresAt is { } expires && expires <= now))
        {
            return null;
        }

        var permissions = (row.CanRead != false ? ApiPermissions.Read : 0)
            | (row.CanWrite == true ? ApiPermissions.Write : 0)
            | (row.CanTrade == true ? ApiPermissions.Trade : 0);
        var caller = new Caller(row.UserId, null, row.ApiKeyId, permissions, row.RateLimitPerHour ?? 1000)
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

        await db.UserApiKeys.Where(k => k.ApiKeyId == apiKeyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
    }
}
