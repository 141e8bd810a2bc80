namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>strategy_executions</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class StrategyExecution
{
    public Guid ExecutionId { get; set; } = Guid.CreateVersion7();

    public Guid SignalId { get; set; }

    public Guid OrderId { get; set; }

    public DateTime OrderSubmittedAt { get; set; }

    public string ExecutionType { get; set; } = string.Empty;

    public decimal ExecutionPrice { get; set; }

    public decimal ExecutionQuantity { get; set; }

    public decimal? Pnl { get; set; }

    public decimal? PnlPercentage { get; set; }

    public decimal? Slippage { get; set; }

    public int? LatencyMs { get; set; }

    public DateTime? CreatedAt { get; set; }
}
