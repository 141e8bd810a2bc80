using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Users;

/// <summary>
/// Locking a user out: soft delete (<c>deleted_at</c>, by the user) and disable (<c>is_active = false</c>, by an
/// administrator). Both take effect at once: every session is revoked (and dropped from the session cache)
/// and every API key revoked, in the same transaction as the change and its audit row.
/// </summary>
public sealed class AccountLifecycle(OrchestratorDbContext db, SessionService sessions, AuditTrail audit, CredentialCache cache, TimeProvider time)
{
    public Task<bool> SoftDeleteAsync(Guid userId, Actor actor, CancellationToken ct) =>
        LockOutAsync(userId, actor, "USER_DELETED", (user, now) => user.DeletedAt = now, ct);

    public Task<bool> DisableAsync(Guid userId, Actor actor, CancellationToken ct) =>
        LockOutAsync(userId, actor, "USER_DISABLED", (user, _) => user.IsActive = false, ct);

    private async Task<bool> LockOutAsync(Guid userId, Actor actor, string action, Action<User, DateTime> change, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserId == userId && u.DeletedAt == null, ct);
        if (user is null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        change(user, now);
        user.UpdatedAt = now;
        audit.RecordUpdate(db, actor, action, "USER", user.UserId.ToString(), db.Entry(user));
        var keys = await db.UserApiKeys.Where(k => k.UserId == userId && k.RevokedAt == null).ToListAsync(ct);
        foreach (var key in keys)
        {
            key.IsActive = false;
            key.RevokedAt = now;
        }

        await db.SaveChangesAsync(ct);
        await db.BumpCredentialsEpochAsync(ct);
        await sessions.LogoutEverywhereAsync(userId, actor, action + "_SESSIONS_REVOKED", ct);
        await transaction.CommitAsync(ct);
        cache.Clear();
        return true;
    }
}
