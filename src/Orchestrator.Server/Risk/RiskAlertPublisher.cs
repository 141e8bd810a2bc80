using Orchestrator.Server.Live;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Risk;

/// <summary>
/// Tells the alert's owner, on their stream, that risk alerts were raised (<c>risk_alert</c>) or changed
/// (<c>risk_alert_updated</c>: acknowledged, resolved, cleared). Call it only once the alerts' rows are committed,
/// so a client never hears of an alert the database does not have; it never throws (see
/// <see cref="IUserEventHub.PublishAsync"/>). Any component that raises or changes alerts (the calculations, the
/// user's acknowledge and resolve, later the kill switch) goes through here.
/// </summary>
public sealed class RiskAlertPublisher(IUserEventHub hub)
{
    public const string RaisedType = "risk_alert";

    public const string UpdatedType = "risk_alert_updated";

    /// <summary>New alerts, after the transaction that inserted them committed.</summary>
    public Task PublishRaisedAsync(IEnumerable<RiskAlert> committed, CancellationToken ct) => PublishAsync(RaisedType, committed, ct);

    /// <summary>Changed alerts, after the transaction that changed them committed.</summary>
    public Task PublishUpdatedAsync(IEnumerable<RiskAlert> committed, CancellationToken ct) => PublishAsync(UpdatedType, committed, ct);

    private async Task PublishAsync(string type, IEnumerable<RiskAlert> committed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(committed);
        foreach (var alert in committed)
        {
            await hub.PublishAsync(alert.UserId, UserEvent.Of(type, RiskAlertEvent.From(alert)), ct);
        }
    }
}
