namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// The portfolio the metrics describe, at one instant: its positions, its cash and its value as the account reports
/// them. <paramref name="PortfolioValue"/> is taken as given (a broker's figure may include accruals), not recomputed
/// from cash and positions; it is the denominator of the portfolio's returns for beta.
/// </summary>
public sealed record PortfolioSnapshot(IReadOnlyList<Holding> Positions, decimal Cash, decimal PortfolioValue);
