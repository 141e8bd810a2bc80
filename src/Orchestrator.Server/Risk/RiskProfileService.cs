using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Risk;

/// <summary>
/// A user's risk profiles: list, read, create, replace, delete (never the active one) and choose the active one;
/// every query is scoped to the caller, every change audited with old and new values.
/// </summary>
public sealed class RiskProfileService(OrchestratorDbContext db, AuditTrail audit, TimeProvider time, RiskEpochs epochs, Trading.TradingOwnership ownership)
{
    /// <summary>The outcome of a change: the profile, field errors, "not found", or a conflict with its reason.</summary>
    public sealed record Outcome(RiskProfileView? Profile, ValidationErrors? Errors = null, bool NotFound = false, string? Conflict = null);

    public async Task<IReadOnlyList<RiskProfileView>> ListAsync(Guid userId, CancellationToken ct) =>
        [.. (await db.RiskProfiles.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ThenBy(p => p.ProfileId).ToListAsync(ct))
            .Select(RiskProfiles.View)];

    public async Task<RiskProfileView?> GetAsync(Guid userId, Guid profileId, CancellationToken ct) =>
        await db.RiskProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ProfileId == profileId && p.UserId == userId, ct) is { } p
            ? RiskProfiles.View(p)
            : null;

    /// <summary>Creates a profile; a user's first profile is active at once.</summary>
    public async Task<Outcome> CreateAsync(Guid userId, RiskProfileRequest request, Actor actor, CancellationToken ct)
    {
        // The writers that enforce profiles live where trading runs and learn of changes in process (RiskEpochs): a
        // change made elsewhere would be stored and not enforced (a 503, nothing stored).
        ownership.EnsureHeld();
        var errors = RiskProfiles.Validate(request);
        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        if (await NameTakenAsync(userId, request.ProfileName!.Trim(), null, ct))
        {
            return new Outcome(null, Conflict: $"You already have a risk profile named '{request.ProfileName.Trim()}'.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var row = new RiskProfile { UserId = userId, CreatedAt = now, UpdatedAt = now };
        RiskProfiles.Apply(request, row);
        row.IsActive = !await db.RiskProfiles.AnyAsync(p => p.UserId == userId, ct);
        var entry = db.RiskProfiles.Add(row);
        audit.RecordCreate(db, actor, "RISK_PROFILE_CREATED", "risk_profile", row.ProfileId.ToString(), entry);
        await db.SaveChangesAsync(ct);
        epochs.Changed(userId);
        return new Outcome(RiskProfiles.View(row));
    }

    /// <summary>Replaces a profile's name, description and limits (see <see cref="RiskProfileRequest"/> for missing limits).</summary>
    public async Task<Outcome> ReplaceAsync(Guid userId, Guid profileId, RiskProfileRequest request, Actor actor, CancellationToken ct)
    {
        ownership.EnsureHeld();
        var errors = RiskProfiles.Validate(request);
        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        var row = await db.RiskProfiles.FirstOrDefaultAsync(p => p.ProfileId == profileId && p.UserId == userId, ct);
        if (row is null)
        {
            return new Outcome(null, NotFound: true);
        }

        if (await NameTakenAsync(userId, request.ProfileName!.Trim(), profileId, ct))
        {
            return new Outcome(null, Conflict: $"You already have a risk profile named '{request.ProfileName.Trim()}'.");
        }

        RiskProfiles.Apply(request, row);
        var entry = db.Entry(row);
        if (entry.State == EntityState.Modified)
        {
            row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }

        audit.RecordUpdate(db, actor, "RISK_PROFILE_UPDATED", "risk_profile", row.ProfileId.ToString(), entry);
        await db.SaveChangesAsync(ct);
        epochs.Changed(userId);
        return new Outcome(RiskProfiles.View(row));
    }

    /// <summary>Makes one profile the enforced one; the previously active one stays, inactive. One transaction.</summary>
    public async Task<Outcome> ActivateAsync(Guid userId, Guid profileId, Actor actor, CancellationToken ct)
    {
        ownership.EnsureHeld();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var profiles = await db.RiskProfiles.Where(p => p.UserId == userId).ToListAsync(ct);
        var chosen = profiles.FirstOrDefault(p => p.ProfileId == profileId);
        if (chosen is null)
        {
            return new Outcome(null, NotFound: true);
        }

        var previous = profiles.FirstOrDefault(p => p.IsActive && p.ProfileId != profileId);
        if (previous is not null)
        {
            previous.IsActive = false;
            await db.SaveChangesAsync(ct); // free the one-active-per-user index before setting the new one
        }

        if (!chosen.IsActive)
        {
            chosen.IsActive = true;
            chosen.UpdatedAt = time.GetUtcNow().UtcDateTime;
            audit.Record(db, actor, "RISK_PROFILE_ACTIVATED", "risk_profile", chosen.ProfileId.ToString(),
                oldValues: previous is null ? null : $$"""{"active_profile_id":"{{previous.ProfileId}}"}""",
                newValues: $$"""{"active_profile_id":"{{chosen.ProfileId}}"}""");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        epochs.Changed(userId);
        return new Outcome(RiskProfiles.View(chosen));
    }

    /// <summary>Deletes a profile that is not the active one (the user would otherwise have none enforced).</summary>
    public async Task<Outcome> DeleteAsync(Guid userId, Guid profileId, Actor actor, CancellationToken ct)
    {
        ownership.EnsureHeld();
        var row = await db.RiskProfiles.FirstOrDefaultAsync(p => p.ProfileId == profileId && p.UserId == userId, ct);
        if (row is null)
        {
            return new Outcome(null, NotFound: true);
        }

        if (row.IsActive)
        {
            return new Outcome(null, Conflict: "This is your active risk profile: activate another one before deleting it.");
        }

        var entry = db.Entry(row);
        audit.Record(db, actor, "RISK_PROFILE_DELETED", "risk_profile", row.ProfileId.ToString(), oldValues: AuditValues.Serialize(RiskProfiles.View(row)));
        entry.State = EntityState.Deleted;
        await db.SaveChangesAsync(ct);
        epochs.Changed(userId);
        return new Outcome(RiskProfiles.View(row));
    }

    private Task<bool> NameTakenAsync(Guid userId, string name, Guid? except, CancellationToken ct) =>
        db.RiskProfiles.AnyAsync(p => p.UserId == userId && p.ProfileName == name && p.ProfileId != except, ct);
}
