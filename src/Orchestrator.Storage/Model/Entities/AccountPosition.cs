namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>account_positions</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class AccountPosition
{
    public Guid PositionId { get; set; } = Guid.CreateVersion7();

    public Guid AccountId { get; set; }

    public string Symbol { get; set; } = string.Empty;

    public decimal Quantity { get; set; }

    public decimal AveragePrice { get; set; }

    public decimal? CurrentPrice { get; set; }

    public string PositionType { get; set; } = string.Empty;

    public string? Sector { get; set; }

    public string? AssetClass { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Added by migration 20261126_003: what the closed part of the position earned, gross of commission.</summary>
    public decimal RealizedPnl { get; set; }

    /// <summary>Added by migration 20261127_008: where the position's protective stop stands now (null: none).</summary>
    public decimal? StopPrice { get; set; }

    /// <summary>The trailing stop's distance from the best price (null: a fixed stop).</summary>
    public decimal? StopTrailingPercentage { get; set; }

    /// <summary>The best price since the entry, that a trailing stop follows.</summary>
    public decimal? StopBestPrice { get; set; }

    /// <summary>The take-profit target (from the signal that opened the position).</summary>
    public decimal? TakeProfitPrice { get; set; }
}
