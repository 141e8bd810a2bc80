using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Users;

/// <summary><c>/api/v1/me</c>: the caller's own profile and audit trail.</summary>
public static class MeEndpoints
{
    public sealed record AuditEntry(
        Guid LogId, string Action, string? ResourceType, string? ResourceId, JsonNode? OldValues, JsonNode? NewValues,
        JsonNode? Metadata, Guid? ApiKeyId, Guid? SessionId, string? IpAddress, string? UserAgent, string? Endpoint, DateTime? CreatedAt);

    public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? NextCursor);

    public static IEndpointRouteBuilder MapMeApiV1(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup(ServerDefaults.ApiPrefix + "/me").WithTags("Me").RequireAuthorization(ApiAccessRequirement.PolicyName);
        me.MapGet("/", GetAsync).WithName("GetMe").WithSummary("The caller's profile");
        me.MapPatch("/", UpdateAsync).WithName("UpdateMe").WithSummary("Change profile fields").WithMetadata(new SessionOnlyAttribute());
        me.MapDelete("/", DeleteAsync).WithName("DeleteMe").WithSummary("Delete the account (soft delete: locks it at once)").WithMetadata(new SessionOnlyAttribute());
        me.MapGet("/audit", AuditAsync).WithName("GetMyAudit").WithSummary("The caller's audit trail, newest first");
        return app;
    }

    private static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> GetAsync(OrchestratorDbContext db, HttpContext http, CancellationToken ct)
    {
        var caller = Caller.Required(http);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == caller.UserId, ct);
        return user is null ? ApiProblems.NotFound("This user") : TypedResults.Ok(UserProfile.From(user));
    }

    private static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> UpdateAsync(
        JsonElement body, OrchestratorDbContext db, AuditTrail audit, TimeProvider time, Risk.RiskEpochs epochs, Trading.TradingOwnership ownership,
        HttpContext http, CancellationToken ct)
    {
        var caller = Caller.Required(http);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserId == caller.UserId, ct);
        if (user is null)
        {
            return ApiProblems.NotFound("This user");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = ProfileUpdate.Apply(body, user, DateOnly.FromDateTime(now));
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var entry = db.Entry(user);
        if (entry.Property(u => u.MaxDailyLoss) is { IsModified: true } loss && !Equals(loss.OriginalValue, loss.CurrentValue))
        {
            // The daily loss limit is enforced where trading runs, which learns of it in process (a 503 elsewhere, nothing stored).
            ownership.EnsureHeld();
        }

        if (entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
        {
            user.UpdatedAt = now;
            audit.RecordUpdate(db, HttpActor.From(http), "PROFILE_UPDATED", "USER", user.UserId.ToString(), entry);
            await db.SaveChangesAsync(ct);
            epochs.Changed(user.UserId); // the daily loss limit counts in the pre-trade checks
        }

        return TypedResults.Ok(UserProfile.From(user));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(AccountLifecycle lifecycle, HttpContext http, CancellationToken ct)
    {
        var caller = Caller.Required(http);
        return await lifecycle.SoftDeleteAsync(caller.UserId, HttpActor.From(http), ct) ? TypedResults.NoContent() : ApiProblems.NotFound("This user");
    }

    /// <summary>Keyset pagination on (created_at, log_id): the cursor is the last row's log id.</summary>
    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> AuditAsync(
        OrchestratorDbContext db, HttpContext http, int? limit, Guid? before, CancellationToken ct)
    {
        var caller = Caller.Required(http);
        var size = limit ?? 50;
        if (size is < 1 or > 500)
        {
            return new ValidationErrors().Add("limit", "must be between 1 and 500.").ToProblem();
        }

        var query = db.AuditLog.AsNoTracking().Where(a => a.UserId == caller.UserId);
        if (before is { } cursor)
        {
            // UUIDv7 ids grow with time, so "older than the cursor" is "smaller id".
            query = query.Where(a => a.LogId.CompareTo(cursor) < 0);
        }

        var rows = await query.OrderByDescending(a => a.LogId).Take(size + 1).ToListAsync(ct);
        var items = rows.Take(size).Select(a => new AuditEntry(
            a.LogId, a.Action, a.ResourceType, a.ResourceId, Parse(a.OldValues), Parse(a.NewValues), Parse(a.Metadata),
            a.ApiKeyId, a.SessionId, a.IpAddress?.ToString(), a.UserAgent, a.Endpoint, a.CreatedAt)).ToList();
        return TypedResults.Ok(new AuditPage(items, rows.Count > size ? items[^1].LogId.ToString() : null));
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
