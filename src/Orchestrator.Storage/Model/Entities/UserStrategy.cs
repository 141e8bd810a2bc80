namespace Orchestrator.Storage.Model.Entities;

/// <summary>
/// A row of <c>user_strategies</c> (see the initial-schema migrations for the column definitions). Its id is
/// its <see cref="Strategy"/>'s id (migration 20261126_005 makes it a foreign key): <c>strategies</c> is the
/// source of truth and this row is derived from it, except for <see cref="TradingSchedule"/>, which lives only here.
/// </summary>
public sealed class UserStrategy
{
    public Guid UserStrategyId { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid? TemplateId { get; set; }

    public string StrategyName { get; set; } = string.Empty;

    public bool? IsActive { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? Parameters { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? RiskSettings { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? TradingSchedule { get; set; }

    public int? TotalTrades { get; set; }

    public decimal? TotalPnl { get; set; }

    public decimal? WinRate { get; set; }

    public decimal? MaxDrawdown { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? LastRunAt { get; set; }

    /// <summary>Added by migration 20261127_009: the account the strategy trades when it runs.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>The symbols it trades when it runs (a JSON array of strings).</summary>
    public string? Symbols { get; set; }

    /// <summary>What the runner does with it: RUNNING, STOPPED, HALTED (the kill switch) or DISABLED (it failed).</summary>
    public string RunState { get; set; } = "STOPPED";

    public string? RunStateReason { get; set; }

    public DateTime? RunStateChangedAt { get; set; }
}
