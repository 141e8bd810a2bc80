using Orchestrator.Server.Live;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Risk;

/// <summary>
/// A risk alert as the stream shows it (the payload of <c>risk_alert</c> and <c>risk_alert_updated</c>): the
/// alert's fields a client acts on, without the user id (the socket is the user's) or the metrics snapshot (one
/// GET away). The one place an alert becomes an event.
/// </summary>
public sealed record RiskAlertEvent(
    Guid AlertId, string AlertType, string Severity, string Title, string Message, string? Symbol, decimal? CurrentValue, decimal? ThresholdValue,
    decimal? ViolationPercentage, DateTimeOffset? CreatedAt, bool Acknowledged, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ResolvedAt,
    string? ResolutionAction)
{
    public static RiskAlertEvent From(RiskAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(alert.AlertId, alert.AlertType, alert.Severity, alert.Title, alert.Message, alert.Symbol, alert.CurrentValue, alert.ThresholdValue,
            alert.ViolationPercentage, EventTimes.Utc(alert.CreatedAt), alert.IsAcknowledged == true, EventTimes.Utc(alert.AcknowledgedAt), EventTimes.Utc(alert.ResolvedAt), alert.ResolutionAction);
    }
}
