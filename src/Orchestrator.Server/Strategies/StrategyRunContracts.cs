namespace Orchestrator.Server.Strategies;

/// <summary>
/// The body of <c>POST /api/v1/strategies/{id}/start</c>: where the strategy trades (one of the caller's accounts)
/// and what (1 to 100 symbols of <c>GET /api/v1/symbols</c>). Either may be left out when the strategy already has
/// one stored from an earlier start; what is sent replaces what was stored.
/// </summary>
public sealed record StartStrategyRequest(Guid? AccountId = null, string[]? Symbols = null);

/// <summary>
/// A strategy as its runner sees it: what the user asked for (<c>isActive</c>), what the runner does with it
/// (<c>runState</c> RUNNING, STOPPED, HALTED or DISABLED, with the reason and when it changed), where it trades,
/// whether it is in this server's runner now (<c>running</c>) with the bars it took and the signals it routed since
/// it started there (null when it is not running here), and its performance columns.
/// </summary>
public sealed record StrategyStatusView(
    Guid StrategyId,
    string Name,
    bool IsActive,
    string RunState,
    string? RunStateReason,
    DateTime? RunStateChangedAt,
    Guid? AccountId,
    IReadOnlyList<string> Symbols,
    bool Running,
    long? BarsSeen,
    long? SignalsRouted,
    int TotalTrades,
    decimal TotalPnl,
    decimal? WinRate,
    decimal MaxDrawdown,
    DateTime? LastRunAt);
