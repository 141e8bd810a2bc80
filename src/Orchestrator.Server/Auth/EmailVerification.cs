using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Email;
using Orchestrator.Server.Security;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Single-use email verification tokens: 256 random bits, only the hash stored in
/// <c>users.verification_token</c>, valid for <see cref="SecurityOptions.VerificationTokenLifetime"/>.
/// Issuing a new token replaces the old one.
/// </summary>
public sealed class EmailVerification(OrchestratorDbContext db, IEmailSender email, AuditTrail audit, TimeProvider time, IOptions<SecurityOptions> options)
{
    /// <summary>Sets a new token on the (tracked) user and returns it; the caller saves.</summary>
    public string Issue(User user)
    {
        var token = SecretTokens.NewToken();
        user.VerificationToken = SecretTokens.Hash(token);
        user.VerificationExpires = time.GetUtcNow().UtcDateTime + options.Value.VerificationTokenLifetime;
        return token;
    }

    public string LinkFor(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/auth/verify?token={Uri.EscapeDataString(token)}";

    public Task<bool> SendAsync(User user, string token, CancellationToken ct) =>
        email.SendAsync(user.Email, "Verify your email for Day Trading Orchestrator",
            $"Hello {user.FirstName},\n\nOpen this link to verify your email address:\n{LinkFor(token)}\n\nIt expires in {options.Value.VerificationTokenLifetime.TotalHours:0} hours.\n", ct);

    /// <summary>A fresh link for an unverified user (the CLI's <c>users verify-link</c>); null for unknown or verified users.</summary>
    public async Task<string?> NewLinkAsync(string emailAddress, Actor actor, CancellationToken ct)
    {
        var normalized = Registration.NormalizeEmail(emailAddress);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == normalized && u.DeletedAt == null, ct);
        if (user is null || user.IsVerified == true)
        {
            return null;
        }

        var token = Issue(user);
        audit.Record(db, actor, "VERIFICATION_LINK_ISSUED", "USER", user.UserId.ToString());
        await db.SaveChangesAsync(ct);
        return LinkFor(token);
    }

    /// <summary>Verifies the user whose token this is; false when unknown, used or expired.</summary>
    public async Task<bool> VerifyAsync(string token, Actor actor, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(token);
        var user = await db.Users.SingleOrDefaultAsync(u => u.VerificationToken == hash && u.DeletedAt == null, ct);
        if (user is null || user.VerificationExpires is not { } expires || expires <= time.GetUtcNow().UtcDateTime)
        {
            return false;
        }

        user.IsVerified = true;
        user.VerificationToken = null;
        user.VerificationExpires = null;
        user.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.RecordUpdate(db, actor with { UserId = user.UserId }, "EMAIL_VERIFIED", "USER", user.UserId.ToString(), db.Entry(user));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
