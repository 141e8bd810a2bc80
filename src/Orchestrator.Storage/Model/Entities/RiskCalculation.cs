namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>risk_calculations</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class RiskCalculation
{
    public Guid CalculationId { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid? AccountId { get; set; }

    public decimal PortfolioValue { get; set; }

    public decimal CashBalance { get; set; }

    public decimal InvestedAmount { get; set; }

    public decimal? PortfolioVar1d { get; set; }

    public decimal? PortfolioVar5d { get; set; }

    public decimal? ExpectedShortfall { get; set; }

    public decimal? PortfolioBeta { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? SectorConcentrations { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? SymbolConcentrations { get; set; }

    public decimal? CorrelationRisk { get; set; }

    public decimal? LongExposure { get; set; }

    public decimal? ShortExposure { get; set; }

    public decimal? NetExposure { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? IlliquidPositions { get; set; }

    public decimal? PortfolioTurnover { get; set; }

    public DateTime? CalculatedAt { get; set; }
}
