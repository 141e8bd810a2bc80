namespace Orchestrator.Server.Live;

/// <summary>Stored times as user events carry them.</summary>
internal static class EventTimes
{
    /// <summary>The columns hold UTC without a kind (SQLite reads them back unspecified): say so on the wire.</summary>
    public static DateTimeOffset? Utc(DateTime? stored) => stored is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
