namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Every VaR and expected-shortfall estimate at one confidence level, in currency, positive for a loss (a negative
/// figure means even that quantile of the history was a gain). Definitions: <see cref="HistoricalVar"/>,
/// <see cref="ExpectedShortfall"/>, <see cref="ParametricVar"/>, <see cref="MonteCarloVar"/>.
/// </summary>
/// <param name="Confidence">0.95 or 0.99.</param>
/// <param name="HistoricalVar1d">Historical simulation, one day.</param>
/// <param name="HistoricalVar5d">Historical simulation over all overlapping 5-day windows.</param>
/// <param name="ScaledVar5d">√5 × <paramref name="HistoricalVar1d"/>, the square-root-of-time shortcut, for comparison.</param>
/// <param name="ExpectedShortfall1d">Mean of the one-day losses at or beyond the one-day VaR's order statistic.</param>
/// <param name="ExpectedShortfall5d">The same over the overlapping 5-day windows.</param>
/// <param name="ParametricVar1d">z × σ of the daily P&amp;L (normal, mean 0).</param>
/// <param name="ParametricVar5d">√5 × <paramref name="ParametricVar1d"/>.</param>
/// <param name="MonteCarloVar1d">Empirical quantile of simulated correlated-normal one-day P&amp;Ls.</param>
public sealed record TailRisk(
    decimal Confidence,
    decimal HistoricalVar1d,
    decimal HistoricalVar5d,
    decimal ScaledVar5d,
    decimal ExpectedShortfall1d,
    decimal ExpectedShortfall5d,
    decimal ParametricVar1d,
    decimal ParametricVar5d,
    decimal MonteCarloVar1d);
