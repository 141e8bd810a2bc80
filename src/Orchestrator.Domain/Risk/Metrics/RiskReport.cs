namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// The result of <see cref="RiskCalculator.Calculate"/>: the seed's <c>risk_calculations</c> row, field for field
/// (<see cref="PortfolioValue"/> to <see cref="PortfolioTurnover"/>), plus every VaR and ES estimate at 95 % and 99 %
/// and the history they rest on. Money is decimal; <see cref="PortfolioBeta"/> and <see cref="CorrelationRisk"/> are
/// statistical estimates and stay double. The history-based fields are null when <see cref="History"/> reports a
/// problem.
/// </summary>
public sealed record RiskReport
{
    public required decimal PortfolioValue { get; init; }

    public required decimal CashBalance { get; init; }

    /// <summary>Σ signed position values, so portfolio value = cash + invested when the snapshot is consistent.</summary>
    public required decimal InvestedAmount { get; init; }

    /// <summary>Historical one-day VaR at <see cref="RiskMetricsSettings.HeadlineConfidence"/>.</summary>
    public required decimal? PortfolioVar1d { get; init; }

    /// <summary>Historical 5-day (overlapping windows) VaR at <see cref="RiskMetricsSettings.HeadlineConfidence"/>.</summary>
    public required decimal? PortfolioVar5d { get; init; }

    /// <summary>Historical one-day expected shortfall at <see cref="RiskMetricsSettings.HeadlineConfidence"/>.</summary>
    public required decimal? ExpectedShortfall { get; init; }

    /// <summary>See <see cref="Metrics.Beta"/>.</summary>
    public required double? PortfolioBeta { get; init; }

    /// <summary>Sector → |value| share; sums to 1 (empty without positions).</summary>
    public required IReadOnlyDictionary<string, decimal> SectorConcentrations { get; init; }

    /// <summary>Symbol → |value| share; sums to 1 (empty without positions).</summary>
    public required IReadOnlyDictionary<string, decimal> SymbolConcentrations { get; init; }

    /// <summary>See <see cref="Metrics.CorrelationRisk"/>; null with fewer than two positions that moved.</summary>
    public required double? CorrelationRisk { get; init; }

    public required decimal LongExposure { get; init; }

    public required decimal ShortExposure { get; init; }

    public required decimal NetExposure { get; init; }

    public required IReadOnlyList<IlliquidPosition> IlliquidPositions { get; init; }

    /// <summary>See <see cref="Turnover"/>; null without trading activity.</summary>
    public required decimal? PortfolioTurnover { get; init; }

    /// <summary>All estimates at 95 %.</summary>
    public required TailRisk? At95 { get; init; }

    /// <summary>All estimates at 99 %.</summary>
    public required TailRisk? At99 { get; init; }

    public required HistoryCoverage History { get; init; }
}
