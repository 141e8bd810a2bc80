namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>backtest_runs</c> (migration 006): one backtest as a background job.</summary>
public sealed class BacktestRun
{
    public Guid RunId { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid StrategyId { get; set; }

    /// <summary>QUEUED, RUNNING, COMPLETED or FAILED.</summary>
    public string Status { get; set; } = "QUEUED";

    /// <summary>0 to 1: the share of the date range replayed.</summary>
    public decimal Progress { get; set; }

    /// <summary>JSON: the request as accepted (symbols, dates, settings, parameter overrides).</summary>
    public string Request { get; set; } = "{}";

    public Guid? BacktestId { get; set; }

    public string? Error { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
