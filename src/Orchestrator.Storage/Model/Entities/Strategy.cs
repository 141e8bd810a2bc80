namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>strategies</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class Strategy
{
    public Guid StrategyId { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string StrategyName { get; set; } = string.Empty;

    public string StrategyType { get; set; } = string.Empty;

    public string? StrategyCategory { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? Parameters { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? RiskSettings { get; set; }

    public string? Description { get; set; }

    public string? Author { get; set; }

    public string? Version { get; set; }

    public bool? IsActive { get; set; }

    public bool? IsPublic { get; set; }

    public int? TotalTrades { get; set; }

    public int? WinningTrades { get; set; }

    public decimal? TotalPnl { get; set; }

    public decimal? MaxDrawdown { get; set; }

    public decimal? SharpeRatio { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? LastRunAt { get; set; }
}
