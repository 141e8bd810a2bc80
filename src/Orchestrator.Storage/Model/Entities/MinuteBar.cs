namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>market_data_1m</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class MinuteBar
{
    public string Symbol { get; set; } = string.Empty;

    public DateTime Timestamp { get; set; }

    public decimal OpenPrice { get; set; }

    public decimal HighPrice { get; set; }

    public decimal LowPrice { get; set; }

    public decimal ClosePrice { get; set; }

    public long? Volume { get; set; }

    public decimal? Vwap { get; set; }

    public decimal? Bid { get; set; }

    public decimal? Ask { get; set; }

    public int? BidSize { get; set; }

    public int? AskSize { get; set; }
}
