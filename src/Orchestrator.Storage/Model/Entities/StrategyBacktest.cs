namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>strategy_backtests</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class StrategyBacktest
{
    public Guid BacktestId { get; set; } = Guid.CreateVersion7();

    public Guid StrategyId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public decimal InitialCapital { get; set; }

    public decimal? CommissionRate { get; set; }

    public decimal FinalValue { get; set; }

    public decimal TotalReturn { get; set; }

    public decimal? AnnualizedReturn { get; set; }

    public decimal? Volatility { get; set; }

    public decimal? SharpeRatio { get; set; }

    public decimal? MaxDrawdown { get; set; }

    public decimal? WinRate { get; set; }

    public decimal? ProfitFactor { get; set; }

    public int? TotalTrades { get; set; }

    public int? WinningTrades { get; set; }

    public int? LosingTrades { get; set; }

    public decimal? AvgWin { get; set; }

    public decimal? AvgLoss { get; set; }

    public decimal? LargestWin { get; set; }

    public decimal? LargestLoss { get; set; }

    public string? Notes { get; set; }

    /// <summary>JSON array of the symbols traded (migration 006).</summary>
    public string? Symbols { get; set; }

    /// <summary>JSON: the resolved parameters, nested as the template's document.</summary>
    public string? Parameters { get; set; }

    /// <summary>JSON: fees, slippage, participation, benchmark, risk-free rate.</summary>
    public string? Settings { get; set; }

    /// <summary>JSON object: Lean's statistics keyed by their names.</summary>
    public string? Statistics { get; set; }

    /// <summary>JSON array of {time, equity, drawdown}.</summary>
    public string? EquityCurve { get; set; }

    /// <summary>JSON array of closed trades.</summary>
    public string? Trades { get; set; }

    public long? BarsProcessed { get; set; }

    /// <summary>Groups the runs of one grid search or walk-forward.</summary>
    public Guid? OptimizationId { get; set; }

    public DateTime? CreatedAt { get; set; }
}
