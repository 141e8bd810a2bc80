namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>orders</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class Order
{
    public Guid OrderId { get; set; }

    public Guid UserId { get; set; }

    public Guid AccountId { get; set; }

    public string? ClientOrderId { get; set; }

    public string? BrokerOrderId { get; set; }

    public Guid? StrategyId { get; set; }

    public string Symbol { get; set; } = string.Empty;

    public string Side { get; set; } = string.Empty;

    public string OrderType { get; set; } = string.Empty;

    public decimal Quantity { get; set; }

    public decimal? FilledQuantity { get; set; }

    public decimal? LimitPrice { get; set; }

    public decimal? StopPrice { get; set; }

    public decimal? AverageFillPrice { get; set; }

    public string? TimeInForce { get; set; }

    public DateTime? GoodTillDate { get; set; }

    public string Status { get; set; } = string.Empty;

    public string? RejectionReason { get; set; }

    public string? OrderSource { get; set; }

    public decimal? Commission { get; set; }

    public DateTime SubmittedAt { get; set; }

    public DateTime? FilledAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
