using Microsoft.EntityFrameworkCore.ChangeTracking;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Auditing;

/// <summary>
/// Adds audit rows to the caller's unit of work, so a row is committed in the same transaction as the change
/// it records (and rolled back with it).
/// </summary>
public sealed class AuditTrail(TimeProvider time)
{
    public void Record(OrchestratorDbContext db, Actor actor, string action, string resourceType, string? resourceId,
        string? oldValues = null, string? newValues = null, object? metadata = null)
    {
        db.AuditLog.Add(new AuditLogEntry
        {
            UserId = actor.UserId,
            ApiKeyId = actor.ApiKeyId,
            SessionId = actor.SessionId,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            OldValues = oldValues,
            NewValues = newValues,
            Metadata = metadata is null ? null : AuditValues.Serialize(metadata),
            IpAddress = actor.IpAddress,
            UserAgent = Truncate(actor.UserAgent, 1000),
            Endpoint = Truncate(actor.Endpoint, 200),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Records an update with the columns it changed; nothing when the entity did not change.</summary>
    public void RecordUpdate(OrchestratorDbContext db, Actor actor, string action, string resourceType, string resourceId, EntityEntry entry)
    {
        var (old, @new) = AuditValues.Changes(entry);
        if (old is not null)
        {
            Record(db, actor, action, resourceType, resourceId, old, @new);
        }
    }

    public void RecordCreate(OrchestratorDbContext db, Actor actor, string action, string resourceType, string resourceId, EntityEntry entry) =>
        Record(db, actor, action, resourceType, resourceId, newValues: AuditValues.Snapshot(entry));

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
