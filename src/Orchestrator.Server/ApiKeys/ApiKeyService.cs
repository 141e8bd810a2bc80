using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.ApiKeys;

/// <summary>Creating, listing and revoking a user's API keys (for the API and the CLI alike); every query is scoped to the user.</summary>
public sealed class ApiKeyService(OrchestratorDbContext db, AuditTrail audit, CredentialCache cache, TimeProvider time)
{
    public const int MaxRateLimitPerHour = 1_000_000;

    public sealed record CreateOutcome(CreatedApiKey? Key, ValidationErrors? Errors, bool NameTaken);

    public async Task<CreateOutcome> CreateAsync(Guid userId, CreateApiKeyRequest request, Actor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ranges = (request.AllowedIps ?? []).Select(IpRanges.Parse).ToArray();
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Trim().Length <= 100, "name", "is required, at most 100 characters.")
            .Check(request.RateLimitPerHour is null or (>= 1 and <= MaxRateLimitPerHour), "rateLimitPerHour", $"must be between 1 and {MaxRateLimitPerHour}.")
            .Check(ranges.All(r => r is not null), "allowedIps", "must be IP addresses or CIDR ranges such as 203.0.113.0/24.")
            .Check((request.AllowedEndpoints ?? []).All(EndpointPatterns.IsValid), "allowedEndpoints", "must be paths such as /api/v1/me or GET /api/v1/orders/*, '**' only at the end.")
            .Check(request.ExpiresAt is null || request.ExpiresAt > now, "expiresAt", "must be in the future.");
        if (errors.Any)
        {
            return new CreateOutcome(null, errors, false);
        }

        var name = request.Name!.Trim();
        if (await db.UserApiKeys.AnyAsync(k => k.UserId == userId && k.KeyName == name, ct))
        {
            return new CreateOutcome(null, null, true);
        }

        var generated = ApiKeyFormat.Generate();
        var key = new UserApiKey
        {
            UserId = userId,
            KeyName = name,
            ApiKeyHash = generated.Hash,
            ApiKeyPrefix = generated.Prefix,
            CanRead = request.CanRead ?? true,
            CanWrite = request.CanWrite ?? false,
            CanTrade = request.CanTrade ?? false,
            RateLimitPerHour = request.RateLimitPerHour ?? 1000,
            AllowedIps = request.AllowedIps is null ? null : ranges.Select(r => r!.Value).ToArray(),
            AllowedEndpoints = request.AllowedEndpoints,
            IsActive = true,
            ExpiresAt = request.ExpiresAt?.UtcDateTime,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        var entry = db.UserApiKeys.Add(key);
        audit.RecordCreate(db, actor, "API_KEY_CREATED", "API_KEY", key.ApiKeyId.ToString(), entry);
        await db.SaveChangesAsync(ct);
        return new CreateOutcome(new CreatedApiKey(key.ApiKeyId, generated.Key, generated.Prefix), null, false);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(Guid userId, CancellationToken ct) =>
        (await db.UserApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderBy(k => k.KeyName).ToListAsync(ct))
            .Select(ApiKeyView.From).ToList();

    public async Task<ApiKeyView?> GetAsync(Guid userId, Guid apiKeyId, CancellationToken ct) =>
        await db.UserApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserId == userId && k.ApiKeyId == apiKeyId, ct) is { } key
            ? ApiKeyView.From(key)
            : null;

    /// <summary>Revokes one of the user's keys; false when the user has no such key. Revoking twice is harmless.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid apiKeyId, Actor actor, CancellationToken ct)
    {
        var key = await db.UserApiKeys.SingleOrDefaultAsync(k => k.UserId == userId && k.ApiKeyId == apiKeyId, ct);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            key.IsActive = false;
            key.RevokedAt = now;
            key.UpdatedAt = now;
            audit.RecordUpdate(db, actor, "API_KEY_REVOKED", "API_KEY", key.ApiKeyId.ToString(), db.Entry(key));
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await db.BumpCredentialsEpochAsync(ct);
            await transaction.CommitAsync(ct);
            cache.Clear();
        }

        return true;
    }
}
