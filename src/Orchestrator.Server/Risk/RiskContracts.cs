namespace Orchestrator.Server.Risk;

/// <summary>
/// POST and PUT /risk/profiles: a risk profile's limits. A missing (or null) limit takes the seed's default
/// (sector 0.30, correlation 0.50, portfolio risk 0.02, 20 long and 10 short positions, 5% cash, stop 2%,
/// trailing stop on at 1%); <see cref="MaxPositionSize"/> and <see cref="MaxDailyLoss"/> have none (no limit).
/// </summary>
/// <param name="ProfileName">1 to 100 characters, unique per user.</param>
/// <param name="Description">Free text.</param>
/// <param name="MaxPositionSize">Largest position value in one symbol, in the account's currency.</param>
/// <param name="MaxSectorConcentration">Largest share of gross exposure in one sector, 0 to 1.</param>
/// <param name="MaxCorrelationExposure">Largest share of gross exposure in mutually correlated positions, 0 to 1.</param>
/// <param name="MaxDailyLoss">Loss since the session open that halts trading, in currency.</param>
/// <param name="MaxPortfolioRisk">Largest share of equity at risk to the positions' stops, 0 to 1.</param>
/// <param name="MaxLongPositions">Symbols held long at once.</param>
/// <param name="MaxShortPositions">Symbols held short at once.</param>
/// <param name="MinCashPercentage">Cash kept as a share of equity, 0 to 1.</param>
/// <param name="DefaultStopLossPercentage">Protective stop distance for new positions, 0 to 1.</param>
/// <param name="TrailingStopEnabled">Whether new positions get a trailing stop.</param>
/// <param name="TrailingStopPercentage">Trailing distance, 0 to 1.</param>
public sealed record RiskProfileRequest(
    string? ProfileName,
    string? Description = null,
    decimal? MaxPositionSize = null,
    decimal? MaxSectorConcentration = null,
    decimal? MaxCorrelationExposure = null,
    decimal? MaxDailyLoss = null,
    decimal? MaxPortfolioRisk = null,
    int? MaxLongPositions = null,
    int? MaxShortPositions = null,
    decimal? MinCashPercentage = null,
    decimal? DefaultStopLossPercentage = null,
    bool? TrailingStopEnabled = null,
    decimal? TrailingStopPercentage = null);

/// <summary>A risk profile as the API shows it.</summary>
public sealed record RiskProfileView(
    Guid ProfileId, string ProfileName, string? Description, bool IsActive,
    decimal? MaxPositionSize, decimal? MaxSectorConcentration, decimal? MaxCorrelationExposure, decimal? MaxDailyLoss,
    decimal? MaxPortfolioRisk, int? MaxLongPositions, int? MaxShortPositions, decimal? MinCashPercentage,
    decimal? DefaultStopLossPercentage, bool? TrailingStopEnabled, decimal? TrailingStopPercentage,
    DateTime? CreatedAt, DateTime? UpdatedAt);

/// <summary>PUT /risk/state: set the kill switch (ACTIVE, REDUCING or HALTED) with a reason.</summary>
/// <param name="State">ACTIVE, REDUCING or HALTED.</param>
/// <param name="Reason">Why (kept with the state and in the audit log).</param>
public sealed record TradingStateRequest(string? State, string? Reason);

/// <summary>The caller's kill switch.</summary>
public sealed record TradingStateView(string State, string? Reason, DateTime? ChangedAt);

/// <summary>POST /risk/calculations: one account of the caller's (null: all of them), and the benchmark for beta.</summary>
/// <param name="AccountId">One of the caller's accounts; null for all.</param>
/// <param name="Benchmark">The symbol beta is measured against; default <c>Risk:BenchmarkSymbol</c>, else the largest position.</param>
public sealed record RiskCalculationRequest(Guid? AccountId = null, string? Benchmark = null);

/// <summary>A stored calculation: the seed's columns (95% figures), with the JSON columns parsed.</summary>
public sealed record RiskCalculationView(
    Guid CalculationId, Guid? AccountId, DateTime? CalculatedAt, decimal PortfolioValue, decimal CashBalance, decimal InvestedAmount,
    decimal? PortfolioVar1d, decimal? PortfolioVar5d, decimal? ExpectedShortfall, decimal? PortfolioBeta,
    System.Text.Json.Nodes.JsonNode? SectorConcentrations, System.Text.Json.Nodes.JsonNode? SymbolConcentrations, decimal? CorrelationRisk,
    decimal? LongExposure, decimal? ShortExposure, decimal? NetExposure, System.Text.Json.Nodes.JsonNode? IlliquidPositions, decimal? PortfolioTurnover)
{
    public static RiskCalculationView From(Orchestrator.Storage.Model.Entities.RiskCalculation r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RiskCalculationView(r.CalculationId, r.AccountId, r.CalculatedAt, r.PortfolioValue, r.CashBalance, r.InvestedAmount,
            r.PortfolioVar1d, r.PortfolioVar5d, r.ExpectedShortfall, r.PortfolioBeta, Parse(r.SectorConcentrations), Parse(r.SymbolConcentrations),
            r.CorrelationRisk, r.LongExposure, r.ShortExposure, r.NetExposure, Parse(r.IlliquidPositions), r.PortfolioTurnover);
    }

    private static System.Text.Json.Nodes.JsonNode? Parse(string? json) => json is null ? null : System.Text.Json.Nodes.JsonNode.Parse(json);
}

/// <summary>A new calculation: the stored row and the full report (99% figures, every method, the history used).</summary>
public sealed record RiskCalculationResult(RiskCalculationView Calculation, Orchestrator.Domain.Risk.Metrics.RiskReport Report);

/// <summary>
/// The dry run's answer: whether the order would pass, and if not the first limit it breaks (the account's checks
/// first, then the risk profile's), with the value and threshold; the price it was valued at; the profile and
/// kill-switch state it was checked against.
/// </summary>
public sealed record RiskCheckView(
    bool WouldPass, string? Limit, decimal? Value, decimal? Threshold, string? Reason, decimal? ReferencePrice, Guid? ProfileId, string TradingState);

/// <summary>POST /risk/alerts/{id}/resolve: what was done about it.</summary>
/// <param name="Action">The action taken (1 to 1,000 characters).</param>
public sealed record ResolveAlertRequest(string? Action);
