namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>trading_signals</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class TradingSignal
{
    public Guid SignalId { get; set; } = Guid.CreateVersion7();

    public Guid StrategyId { get; set; }

    public string Symbol { get; set; } = string.Empty;

    public string SignalType { get; set; } = string.Empty;

    public decimal? SignalStrength { get; set; }

    public string? SignalReason { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? TechnicalIndicators { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? MarketConditions { get; set; }

    public decimal? Volatility { get; set; }

    public decimal? VolumeRatio { get; set; }

    public decimal? RecommendedQuantity { get; set; }

    public decimal? SuggestedEntryPrice { get; set; }

    public decimal? StopLossPrice { get; set; }

    public decimal? TakeProfitPrice { get; set; }

    public string? Status { get; set; }

    public DateTime? ExecutedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public decimal? ActualEntryPrice { get; set; }

    public decimal? ActualExitPrice { get; set; }

    public decimal? RealizedPnl { get; set; }

    public DateTime? CreatedAt { get; set; }
}
