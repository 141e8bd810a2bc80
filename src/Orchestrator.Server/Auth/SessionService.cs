using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Security;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Auth;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The answer to login and refresh: the tokens are shown once and stored only as hashes.</summary>
public sealed record TokenResponse(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>
/// Sessions: login, refresh with rotation (a refresh token works once; presenting it again revokes its whole
/// family, since one of the two presenters stole it), logout, and logout everywhere.
/// </summary>
public sealed class SessionService(
    OrchestratorDbContext db, PasswordHasher hasher, LoginThrottle throttle, ISessionCache cache, AuditTrail audit,
    TimeProvider time, IOptions<SecurityOptions> options)
{
    public abstract record LoginResult
    {
        public sealed record Success(TokenResponse Tokens) : LoginResult;

        public sealed record Invalid : LoginResult;

        public sealed record Throttled(TimeSpan RetryAfter) : LoginResult;
    }

    public async Task<LoginResult> LoginAsync(LoginRequest request, Actor actor, CancellationToken ct)
    {
        var email = Registration.NormalizeEmail(request.Email ?? "");
        var password = request.Password ?? "";
        if (await throttle.BlockedForAsync(email, actor.IpAddress) is { } wait)
        {
            return new LoginResult.Throttled(wait);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, ct);
        var usable = user is { DeletedAt: null } && user.IsActive != false;
        if (!usable)
        {
            // Same work as a real check: the response time must not reveal whether the email exists.
            hasher.VerifyNothing(password);
        }

        if (!usable || !hasher.Verify(password, user!.PasswordHash))
        {
            await throttle.RecordFailureAsync(email, actor.IpAddress);
            if (user is not null)
            {
                audit.Record(db, actor with { UserId = user.UserId }, "LOGIN_FAILED", "USER", user.UserId.ToString());
                await db.SaveChangesAsync(ct);
            }

            return new LoginResult.Invalid();
        }

        await throttle.RecordSuccessAsync(email);
        var now = time.GetUtcNow().UtcDateTime;
        user.LastLogin = now;
        var (session, tokens) = NewSession(user.UserId, Guid.CreateVersion7(), actor);
        db.UserSessions.Add(session);
        audit.Record(db, actor with { UserId = user.UserId, SessionId = session.SessionId }, "LOGIN", "SESSION", session.SessionId.ToString());
        await db.SaveChangesAsync(ct);
        return new LoginResult.Success(tokens);
    }

    /// <summary>New tokens for a valid refresh token, or null. A token presented twice revokes its family.</summary>
    public async Task<TokenResponse?> RefreshAsync(string refreshToken, Actor actor, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(refreshToken);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.RefreshToken == hash, ct);
        if (session is null || !SecretTokens.HashEquals(session.RefreshToken!, hash))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (session.RotatedAt is not null || session.RevokedAt is not null)
        {
            await RevokeFamilyAsync(session, actor, ct);
            return null;
        }

        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == session.UserId, ct);
        if (session.RefreshExpiresAt is not { } expires || expires <= now || user.DeletedAt is not null || user.IsActive == false)
        {
            return null;
        }

        // Only one of two concurrent refreshes with the same token can rotate it; the other is a reuse.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rotated = await db.UserSessions
            .Where(s => s.SessionId == session.SessionId && s.RotatedAt == null && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RotatedAt, now), ct);
        if (rotated == 0)
        {
            await transaction.RollbackAsync(ct);
            await RevokeFamilyAsync(session, actor, ct);
            return null;
        }

        var (next, tokens) = NewSession(session.UserId, session.FamilyId, actor);
        db.UserSessions.Add(next);
        audit.Record(db, actor with { UserId = session.UserId, SessionId = next.SessionId }, "TOKEN_REFRESHED", "SESSION", next.SessionId.ToString(),
            metadata: new { previousSessionId = session.SessionId, familyId = session.FamilyId });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await cache.RemoveAsync([session.SessionToken]);
        return tokens;
    }

    /// <summary>Ends one session (logout).</summary>
    public async Task LogoutAsync(Guid userId, Guid sessionId, Actor actor, CancellationToken ct) =>
        await RevokeAsync(db.UserSessions.Where(s => s.UserId == userId && s.SessionId == sessionId), actor, "LOGOUT", sessionId.ToString(), ct);

    /// <summary>Ends every session of a user (log out everywhere; also on disable and delete). Returns how many ended.</summary>
    public async Task<int> LogoutEverywhereAsync(Guid userId, Actor actor, string action, CancellationToken ct) =>
        await RevokeAsync(db.UserSessions.Where(s => s.UserId == userId), actor, action, userId.ToString(), ct);

    private async Task RevokeFamilyAsync(UserSession session, Actor actor, CancellationToken ct) =>
        await RevokeAsync(db.UserSessions.Where(s => s.FamilyId == session.FamilyId), actor with { UserId = session.UserId },
            "REFRESH_TOKEN_REUSED", session.FamilyId.ToString(), ct);

    private async Task<int> RevokeAsync(IQueryable<UserSession> sessions, Actor actor, string action, string resourceId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var live = await sessions.Where(s => s.RevokedAt == null).ToListAsync(ct);
        foreach (var session in live)
        {
            session.RevokedAt = now;
        }

        audit.Record(db, actor, action, "SESSION", resourceId, metadata: new { revokedSessions = live.Count });
        await db.SaveChangesAsync(ct);
        await cache.RemoveAsync(live.Select(s => s.SessionToken));
        return live.Count;
    }

    private (UserSession Session, TokenResponse Tokens) NewSession(Guid userId, Guid familyId, Actor actor)
    {
        var now = time.GetUtcNow();
        var access = SecretTokens.NewToken();
        var refresh = SecretTokens.NewToken();
        var expires = now + options.Value.AccessTokenLifetime;
        var session = new UserSession
        {
            UserId = userId,
            FamilyId = familyId,
            SessionToken = SecretTokens.Hash(access),
            RefreshToken = SecretTokens.Hash(refresh),
            IpAddress = actor.IpAddress,
            UserAgent = actor.UserAgent is { Length: > 1000 } agent ? agent[..1000] : actor.UserAgent,
            ExpiresAt = expires.UtcDateTime,
            RefreshExpiresAt = (now + options.Value.RefreshTokenLifetime).UtcDateTime,
            CreatedAt = now.UtcDateTime,
        };
        return (session, new TokenResponse(access, refresh, expires));
    }
}
