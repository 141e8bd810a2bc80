using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Security;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Accounts;

/// <summary>
/// A user's broker accounts: create, list, change limits, connect and disconnect, soft delete. Every query is
/// scoped to the user; limit changes and deletion run inside the account's writer, so no order is ever checked
/// against limits that are being changed.
/// </summary>
public sealed class AccountService(
    OrchestratorDbContext db, AuditTrail audit, CredentialProtector protector, AccountWriters writers, TimeProvider time)
{
    public const decimal DefaultPaperCash = 100_000m;
    private const decimal MaxMoney = 9_999_999_999_999.99m;

    public sealed record CreateOutcome(AccountView? Account, ValidationErrors? Errors, string? Conflict);

    public async Task<CreateOutcome> CreateAsync(Guid userId, CreateAccountRequest request, Actor actor, CancellationToken ct)
    {
        var broker = request.BrokerId is null ? null : await db.Brokers.AsNoTracking().SingleOrDefaultAsync(b => b.BrokerId == request.BrokerId, ct);
        var paper = broker?.BrokerId == PaperBroker.BrokerId;
        var errors = new ValidationErrors()
            .Check(broker is { IsActive: not false }, "brokerId", "must name an active broker of GET /api/v1/brokers.")
            .Check(request.AccountName is null || FieldRules.IsName(request.AccountName), "accountName", "must be at most 100 characters.")
            .Check(request.BrokerAccountId is null ? paper : request.BrokerAccountId.Trim().Length is > 0 and <= 100, "brokerAccountId", "is required (at most 100 characters) for a broker other than paper.")
            .Check(request.AccountType is null or "INDIVIDUAL" or "JOINT" or "CORPORATE", "accountType", "must be INDIVIDUAL, JOINT or CORPORATE.")
            .Check(request.Currency is null || FieldRules.IsCurrency(request.Currency), "currency", "must be an ISO 4217 code of 3 upper-case letters.")
            .Check(request.InitialCash is null || (paper && request.InitialCash is >= 0 and <= MaxMoney), "initialCash", paper ? "must be between 0 and 9,999,999,999,999.99." : "applies to paper accounts only.")
            .Check(request.Credentials is null || request.Credentials.Value.ValueKind == JsonValueKind.Object, "credentials", "must be a JSON object.");
        AccountLimitRules.Check(errors, request.MaxPositionSize, request.MaxDailyVolume, request.AllowedSymbols);
        if (errors.Any)
        {
            return new CreateOutcome(null, errors, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var account = new UserBrokerAccount
        {
            UserId = userId,
            BrokerId = broker!.BrokerId,
            AccountName = request.AccountName?.Trim(),
            AccountType = request.AccountType ?? "INDIVIDUAL",
            Currency = request.Currency ?? "USD",
            BaseCurrency = request.Currency ?? "USD",
            MaxPositionSize = request.MaxPositionSize,
            MaxDailyVolume = request.MaxDailyVolume,
            AllowedSymbols = AccountLimitRules.NormalizeSymbols(request.AllowedSymbols),
            // The paper broker needs no credentials and is always reachable.
            IsConnected = paper,
            LastConnectedAt = paper ? now : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        account.BrokerAccountId = request.BrokerAccountId?.Trim() ?? "PAPER-" + account.AccountId.ToString("N")[..12].ToUpperInvariant();
        if (request.Credentials is { } credentials)
        {
            account.EncryptedCredentials = protector.Protect(account.AccountId, credentials.GetRawText());
        }

        if (await db.UserBrokerAccounts.AnyAsync(a => a.UserId == userId && a.BrokerId == account.BrokerId && a.BrokerAccountId == account.BrokerAccountId, ct))
        {
            return new CreateOutcome(null, null, $"You already have the {account.BrokerId} account '{account.BrokerAccountId}'.");
        }

        var entry = db.UserBrokerAccounts.Add(account);
        var cash = paper ? request.InitialCash ?? DefaultPaperCash : 0m;
        db.AccountBalances.Add(new AccountBalance
        {
            AccountId = account.AccountId,
            Currency = account.Currency,
            CashBalance = cash,
            BuyingPower = cash,
            PortfolioValue = cash,
            MarginUsed = 0,
            MarginAvailable = cash,
            RecordedAt = now,
        });
        audit.RecordCreate(db, actor, "BROKER_ACCOUNT_CREATED", "BROKER_ACCOUNT", account.AccountId.ToString(), entry);
        await db.SaveChangesAsync(ct);
        return new CreateOutcome(AccountView.From(account), null, null);
    }

    public async Task<IReadOnlyList<AccountView>> ListAsync(Guid userId, CancellationToken ct) =>
        (await db.UserBrokerAccounts.AsNoTracking().Where(a => a.UserId == userId && a.DeletedAt == null).OrderBy(a => a.CreatedAt).ToListAsync(ct))
            .Select(AccountView.From).ToList();

    public async Task<AccountView?> GetAsync(Guid userId, Guid accountId, CancellationToken ct) =>
        await FindAsync(db, userId, accountId, ct) is { } account ? AccountView.From(account) : null;

    /// <summary>
    /// <c>PATCH</c>: a JSON object whose present members change the account (<c>accountName</c>,
    /// <c>maxPositionSize</c>, <c>maxDailyVolume</c>, <c>allowedSymbols</c>, <c>credentials</c>); <c>null</c>
    /// removes a limit. Runs in the account's writer, so the new limits hold from the next order on.
    /// </summary>
    public async Task<(AccountView? Account, ValidationErrors? Errors)> UpdateAsync(Guid userId, Guid accountId, JsonElement body, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(db, userId, accountId, ct) is null)
        {
            return (null, null);
        }

        return await writers.RunAsync(accountId, async (writer, ct2) =>
        {
            await using var scope = writer.NewContext();
            var account = (await FindAsync(scope, userId, accountId, ct2))!;
            var errors = AccountUpdate.Apply(body, account, protector);
            if (errors.Any)
            {
                return ((AccountView?)null, (ValidationErrors?)errors);
            }

            account.UpdatedAt = time.GetUtcNow().UtcDateTime;
            audit.RecordUpdate(scope, actor, "BROKER_ACCOUNT_UPDATED", "BROKER_ACCOUNT", accountId.ToString(), scope.Entry(account));
            await scope.SaveChangesAsync(ct2);
            writer.ApplyLimits(account);
            return (AccountView.From(account), null);
        }, ct);
    }

    /// <summary>Connects (checks the credentials with the broker) or disconnects; orders need a connected account.</summary>
    public async Task<AccountView?> SetConnectedAsync(Guid userId, Guid accountId, bool connect, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(db, userId, accountId, ct) is null)
        {
            return null;
        }

        return await writers.RunAsync(accountId, async (writer, ct2) =>
        {
            await using var scope = writer.NewContext();
            var account = (await FindAsync(scope, userId, accountId, ct2))!;
            var now = time.GetUtcNow().UtcDateTime;
            if (connect)
            {
                var credentials = account.EncryptedCredentials is null ? null : protector.Unprotect(account.AccountId, account.EncryptedCredentials);
                var result = await writer.Broker.ConnectAsync(new(account.AccountId, account.BrokerAccountId), credentials, ct2);
                account.IsConnected = result.Connected;
                account.ConnectionError = result.Error;
                account.LastConnectedAt = result.Connected ? now : account.LastConnectedAt;
            }
            else
            {
                account.IsConnected = false;
                account.ConnectionError = null;
            }

            account.UpdatedAt = now;
            audit.RecordUpdate(scope, actor, connect ? "BROKER_ACCOUNT_CONNECTED" : "BROKER_ACCOUNT_DISCONNECTED", "BROKER_ACCOUNT", accountId.ToString(), scope.Entry(account));
            await scope.SaveChangesAsync(ct2);
            writer.ApplyLimits(account);
            return AccountView.From(account);
        }, ct);
    }

    /// <summary>Soft delete: working orders are cancelled first, positions and history stay for the record.</summary>
    public async Task<bool> DeleteAsync(Guid userId, Guid accountId, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(db, userId, accountId, ct) is null)
        {
            return false;
        }

        await writers.CancelAllAsync(accountId, actor, ct);
        await writers.RunAsync(accountId, async (writer, ct2) =>
        {
            await using var scope = writer.NewContext();
            var account = (await FindAsync(scope, userId, accountId, ct2))!;
            var now = time.GetUtcNow().UtcDateTime;
            account.DeletedAt = now;
            account.IsConnected = false;
            account.UpdatedAt = now;
            audit.RecordUpdate(scope, actor, "BROKER_ACCOUNT_DELETED", "BROKER_ACCOUNT", accountId.ToString(), scope.Entry(account));
            await scope.SaveChangesAsync(ct2);
            writer.ApplyLimits(account);
            return true;
        }, ct);
        writers.Forget(accountId);
        return true;
    }

    private static Task<UserBrokerAccount?> FindAsync(OrchestratorDbContext context, Guid userId, Guid accountId, CancellationToken ct) =>
        context.UserBrokerAccounts.SingleOrDefaultAsync(a => a.UserId == userId && a.AccountId == accountId && a.DeletedAt == null, ct);
}
