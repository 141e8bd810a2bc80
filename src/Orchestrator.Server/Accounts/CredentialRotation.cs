using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Security;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Accounts;

/// <summary>
/// Re-encrypts every account's broker credentials that are not under the active key (<c>orchestrator keys
/// rotate</c>), a hundred accounts per transaction, each with an audit row naming the old and new key ids (never
/// the credentials). Safe to run again after an interruption: rows already under the active key are skipped.
/// </summary>
public sealed class CredentialRotation(OrchestratorDbContext db, CredentialProtector protector, AuditTrail audit)
{
    private const int BatchSize = 100;

    public sealed record Result(int WithCredentials, int Reencrypted);

    public async Task<Result> RotateAsync(Actor actor, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var ids = await db.UserBrokerAccounts.AsNoTracking().Where(a => a.EncryptedCredentials != null)
            .OrderBy(a => a.AccountId).Select(a => a.AccountId).ToListAsync(ct);
        var reencrypted = 0;
        for (var start = 0; start < ids.Count; start += BatchSize)
        {
            var chunk = ids.Skip(start).Take(BatchSize).ToList();
            var accounts = await db.UserBrokerAccounts.Where(a => chunk.Contains(a.AccountId)).ToListAsync(ct);
            foreach (var account in accounts)
            {
                var from = CredentialProtector.KeyIdOf(account.EncryptedCredentials!);
                if (from == protector.ActiveKeyId)
                {
                    continue;
                }

                account.EncryptedCredentials = protector.Protect(account.AccountId, protector.Unprotect(account.AccountId, account.EncryptedCredentials!));
                audit.Record(db, actor with { UserId = account.UserId }, "BROKER_CREDENTIALS_REENCRYPTED", "BROKER_ACCOUNT", account.AccountId.ToString(),
                    metadata: new { fromKeyId = from, toKeyId = protector.ActiveKeyId });
                reencrypted++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Report((Math.Min(start + BatchSize, ids.Count), ids.Count));
        }

        return new Result(ids.Count, reencrypted);
    }
}
