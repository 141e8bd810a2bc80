using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Risk.Alerts;
using Orchestrator.Domain.Risk.Metrics;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Risk;

/// <summary>
/// Risk alerts (the seed's <c>risk_alerts</c>): raised from each risk calculation for every limit of the active
/// profile the portfolio is near (80%) or past; one alert per (type, subject) while its condition persists (no
/// duplicates), resolved automatically ("condition cleared") when a later calculation no longer finds it;
/// acknowledged and resolved by the user with the action taken. Every committed change is pushed to the user's
/// stream through <see cref="RiskAlertPublisher"/>: here after acknowledge and resolve, by the calculation after it
/// saves what <see cref="RaiseAsync"/> changed.
/// </summary>
public sealed class RiskAlertService(OrchestratorDbContext db, AuditTrail audit, RiskAlertPublisher publisher, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What one evaluation changed: the alerts it added and the open ones it resolved as cleared.</summary>
    public sealed record Changes(IReadOnlyList<RiskAlert> Raised, IReadOnlyList<RiskAlert> Cleared);

    /// <summary>
    /// Adds the new alerts and resolves the cleared ones to the context (the caller saves, with its calculation, then
    /// hands <see cref="Changes"/> to <see cref="RiskAlertPublisher"/>).
    /// </summary>
    public async Task<Changes> RaiseAsync(Guid userId, RiskSettings settings, RiskReport report, IReadOnlyList<Holding> positions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var now = time.GetUtcNow().UtcDateTime;
        var conditions = AlertRules.Evaluate(settings.Profile, report, positions);
        var open = await db.RiskAlerts.Where(a => a.UserId == userId && a.ResolvedAt == null).ToListAsync(ct);
        var raised = new List<RiskAlert>();
        foreach (var condition in conditions)
        {
            if (open.Any(a => a.AlertType == condition.Type && Subject(a) == condition.Subject))
            {
                continue; // the condition persists: its alert stands
            }

            var alert = new RiskAlert
            {
                UserId = userId,
                AlertType = condition.Type,
                Severity = condition.Severity,
                Title = Title(condition),
                Message = Message(condition),
                Symbol = condition.Type == "POSITION_SIZE" ? condition.Subject : null,
                CurrentValue = decimal.Round(condition.Value, 8),
                ThresholdValue = decimal.Round(condition.Threshold, 8),
                ViolationPercentage = decimal.Round(condition.ViolationPercentage, 6),
                RiskMetrics = JsonSerializer.Serialize(new
                {
                    subject = condition.Subject,
                    utilization = condition.Utilization,
                    portfolio_value = report.PortfolioValue,
                    sector_concentrations = report.SectorConcentrations,
                    symbol_concentrations = report.SymbolConcentrations,
                    var_1d = report.PortfolioVar1d,
                }, Json),
                IsAcknowledged = false,
                CreatedAt = now,
            };
            db.RiskAlerts.Add(alert);
            raised.Add(alert);
        }

        var cleared = open.Where(a => !conditions.Any(c => c.Type == a.AlertType && c.Subject == Subject(a))).ToList();
        foreach (var alert in cleared)
        {
            alert.ResolvedAt = now;
            alert.ResolutionAction = "condition cleared";
        }

        return new Changes(raised, cleared);
    }

    public async Task<IReadOnlyList<RiskAlert>> ListAsync(Guid userId, bool unresolvedOnly, CancellationToken ct) =>
        await db.RiskAlerts.AsNoTracking().Where(a => a.UserId == userId && (!unresolvedOnly || a.ResolvedAt == null))
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.AlertId).Take(500).ToListAsync(ct);

    public async Task<RiskAlert?> AcknowledgeAsync(Guid userId, Guid alertId, Actor actor, CancellationToken ct)
    {
        var alert = await db.RiskAlerts.FirstOrDefaultAsync(a => a.AlertId == alertId && a.UserId == userId, ct);
        if (alert is null || alert.IsAcknowledged == true)
        {
            return alert;
        }

        alert.IsAcknowledged = true;
        alert.AcknowledgedAt = time.GetUtcNow().UtcDateTime;
        alert.AcknowledgedBy = actor.UserId;
        audit.RecordUpdate(db, actor, "RISK_ALERT_ACKNOWLEDGED", "risk_alert", alertId.ToString(), db.Entry(alert));
        await db.SaveChangesAsync(ct);
        await publisher.PublishUpdatedAsync([alert], ct);
        return alert;
    }

    public async Task<(RiskAlert? Alert, ValidationErrors? Errors)> ResolveAsync(Guid userId, Guid alertId, string? action, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors().Check(!string.IsNullOrWhiteSpace(action) && action.Length <= 1_000, "action", "say what was done (1 to 1,000 characters)");
        if (errors.Any)
        {
            return (null, errors);
        }

        var alert = await db.RiskAlerts.FirstOrDefaultAsync(a => a.AlertId == alertId && a.UserId == userId, ct);
        if (alert is null)
        {
            return (null, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        alert.ResolutionAction = action!.Trim();
        alert.ResolvedAt ??= now;
        if (alert.IsAcknowledged != true)
        {
            alert.IsAcknowledged = true;
            alert.AcknowledgedAt = now;
            alert.AcknowledgedBy = actor.UserId;
        }

        audit.RecordUpdate(db, actor, "RISK_ALERT_RESOLVED", "risk_alert", alertId.ToString(), db.Entry(alert));
        await db.SaveChangesAsync(ct);
        await publisher.PublishUpdatedAsync([alert], ct);
        return (alert, null);
    }

    /// <summary>The sector or symbol an alert is about (stored in its metrics), null for portfolio-wide ones.</summary>
    private static string? Subject(RiskAlert alert) =>
        alert.RiskMetrics is { } json && JsonDocument.Parse(json).RootElement.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.String
            ? subject.GetString()
            : null;

    private static string Title(AlertCondition c) => c.Type switch
    {
        "SECTOR_CONCENTRATION" => $"Sector {c.Subject} {(c.IsBreach ? "over" : "near")} its concentration limit",
        "POSITION_SIZE" => $"{c.Subject} {(c.IsBreach ? "over" : "near")} the position size limit",
        "LONG_POSITIONS" => $"Long positions {(c.IsBreach ? "at" : "near")} their maximum",
        _ => $"Short positions {(c.IsBreach ? "at" : "near")} their maximum",
    };

    private static string Message(AlertCondition c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Type.ToLowerInvariant()}: {c.Subject ?? "portfolio"} is at {c.Value:0.####} against a limit of {c.Threshold:0.####} ({c.Utilization:P1} of it)");
}
