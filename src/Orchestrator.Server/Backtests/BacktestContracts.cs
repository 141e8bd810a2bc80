using System.Text.Json.Nodes;

namespace Orchestrator.Server.Backtests;

/// <summary>
/// POST /backtests: a backtest of one of the caller's strategies. Unset fields come from the strategy's
/// <c>backtest_config</c> document, then from the defaults (100,000 capital, 0.1% commission, 5 bp slippage).
/// </summary>
/// <param name="StrategyId">One of the caller's strategies.</param>
/// <param name="Symbols">The symbols to trade (known to the symbol universe).</param>
/// <param name="From">First trading day.</param>
/// <param name="To">Last trading day, inclusive.</param>
/// <param name="InitialCapital">Starting cash.</param>
/// <param name="Fees">A fee model (<c>per-share:0.005,min:1</c>, <c>percentage:0.001</c>, <c>per-order:1</c>, <c>none</c>).</param>
/// <param name="Slippage">A slippage model (<c>0.0005</c>, <c>fixed:0.0005</c>, <c>volume-share:0.1</c>, <c>none</c>).</param>
/// <param name="Benchmark">A symbol for alpha, beta and tracking error.</param>
/// <param name="RiskFreeRate">Annual, as a fraction.</param>
/// <param name="Parameters">Overrides on top of the strategy's own parameters, for this run only.</param>
public sealed record RunBacktestRequest(
    Guid? StrategyId,
    IReadOnlyList<string>? Symbols,
    DateOnly? From,
    DateOnly? To,
    decimal? InitialCapital = null,
    string? Fees = null,
    string? Slippage = null,
    string? Benchmark = null,
    decimal? RiskFreeRate = null,
    JsonObject? Parameters = null);

/// <summary>A backtest job: its state and, once completed, the backtest it produced.</summary>
public sealed record BacktestRunView(
    Guid RunId, Guid StrategyId, string Status, decimal Progress, Guid? BacktestId, string? Error,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt);

/// <summary>A stored backtest's seed columns (the list view).</summary>
public sealed record BacktestSummaryView(
    Guid BacktestId, Guid StrategyId, DateOnly StartDate, DateOnly EndDate, decimal InitialCapital, decimal FinalValue,
    decimal TotalReturn, decimal? AnnualizedReturn, decimal? Volatility, decimal? SharpeRatio, decimal? MaxDrawdown,
    decimal? WinRate, decimal? ProfitFactor, int? TotalTrades, int? WinningTrades, int? LosingTrades,
    decimal? AvgWin, decimal? AvgLoss, decimal? LargestWin, decimal? LargestLoss, Guid? OptimizationId, DateTime? CreatedAt);

/// <summary>A stored backtest in full: the summary plus what the run produced.</summary>
public sealed record BacktestDetailView(
    BacktestSummaryView Summary, JsonNode? Symbols, JsonNode? Parameters, JsonNode? Settings, JsonNode? Statistics,
    JsonNode? EquityCurve, JsonNode? Trades, long? BarsProcessed);
