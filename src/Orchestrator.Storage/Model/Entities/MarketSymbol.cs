namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>market_symbols</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class MarketSymbol
{
    public Guid SymbolId { get; set; } = Guid.CreateVersion7();

    public string Symbol { get; set; } = string.Empty;

    public string? CompanyName { get; set; }

    public string Exchange { get; set; } = string.Empty;

    public string? Sector { get; set; }

    public string? Industry { get; set; }

    public string AssetClass { get; set; } = string.Empty;

    public string Currency { get; set; } = string.Empty;

    public decimal? TickSize { get; set; }

    public decimal? ContractSize { get; set; }

    public bool? IsActive { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? TradingHours { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
