namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>order_fills</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class OrderFill
{
    public Guid FillId { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public DateTime OrderSubmittedAt { get; set; }

    public decimal FillQuantity { get; set; }

    public decimal FillPrice { get; set; }

    public decimal? Commission { get; set; }

    public string? LiquidityIndicator { get; set; }

    public string? TradeId { get; set; }

    public DateTime? ExchangeTime { get; set; }

    public DateTime? CreatedAt { get; set; }
}
