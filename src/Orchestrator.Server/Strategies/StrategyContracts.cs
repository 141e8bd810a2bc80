using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// The body of <c>POST /api/v1/strategies</c>. <c>parameters</c> holds only the values that differ from the
/// template's defaults, nested as the template names them (<c>{"moving_averages":{"short_period":5}}</c>);
/// <c>riskSettings</c>, <c>tradingSchedule</c> and <c>backtestConfig</c> are the snake_case documents described
/// by <see cref="Domain.Strategies.RiskSettings"/>, <see cref="Domain.Strategies.TradingSchedule"/> and
/// <see cref="Domain.Strategies.BacktestConfig"/>.
/// </summary>
public sealed record CreateStrategyRequest(
    string? Template,
    string? Name,
    JsonElement? Parameters = null,
    JsonElement? RiskSettings = null,
    JsonElement? TradingSchedule = null,
    JsonElement? BacktestConfig = null,
    bool? IsPublic = null);

/// <summary>The body of <c>POST /api/v1/strategies/public/{id}/copy</c>: the copy's name (default: the original's).</summary>
public sealed record CopyStrategyRequest(string? Name = null);

/// <summary>A template of the catalog, with everything needed to fill in a strategy of it.</summary>
public sealed record StrategyTemplateView(
    string Name, string Type, string? Category, string? Description, string[] Tags, string? Version, string? Author, bool IsVerified,
    JsonObject DefaultParameters, JsonObject? ParameterSchema, JsonObject DefaultRiskSettings)
{
    public static StrategyTemplateView From(StrategyTemplate t) => new(
        t.TemplateName, t.TemplateType, t.Category, t.Description, t.Tags ?? [], t.Version, t.Author, t.IsVerified == true,
        StoredJson.Object(t.DefaultParameters) ?? [], StoredJson.Object(t.ParameterSchema), StoredJson.Object(t.DefaultRiskSettings) ?? []);
}

/// <summary>
/// The performance columns (<see cref="StrategyPerformance"/> keeps them): closed trades, winners, win rate,
/// total P&amp;L, maximum drawdown (a fraction of peak equity), Sharpe ratio, and the last execution's time.
/// </summary>
public sealed record StrategyPerformanceView(int TotalTrades, int WinningTrades, decimal? WinRate, decimal TotalPnl, decimal MaxDrawdown, decimal? SharpeRatio, DateTime? LastRunAt)
{
    public static StrategyPerformanceView From(Strategy s)
    {
        var total = s.TotalTrades ?? 0;
        var winning = s.WinningTrades ?? 0;
        return new(total, winning, total == 0 ? null : Math.Round((decimal)winning / total, 4, MidpointRounding.AwayFromZero), s.TotalPnl ?? 0m,
            s.MaxDrawdown ?? 0m, s.SharpeRatio, s.LastRunAt);
    }
}

/// <summary>
/// One of the caller's strategies: <c>parameters</c> resolved (every parameter, defaults included),
/// <c>overrides</c> the part that differs from the template's defaults.
/// </summary>
public sealed record StrategyView(
    Guid StrategyId, string Name, string? Template, string StrategyType, string? Category, string? Version,
    JsonObject? Parameters, JsonObject? Overrides, JsonObject? RiskSettings, JsonObject? TradingSchedule, JsonObject? BacktestConfig,
    bool IsPublic, bool IsActive, StrategyPerformanceView Performance, DateTime? CreatedAt, DateTime? UpdatedAt)
{
    public static StrategyView From(StrategyRowSet rows) => new(
        rows.Strategy.StrategyId, rows.Strategy.StrategyName, rows.Template?.TemplateName, rows.Strategy.StrategyType, rows.Strategy.StrategyCategory,
        rows.Strategy.Version, StoredJson.Object(rows.Strategy.Parameters), StoredJson.Object(rows.Instance?.Parameters),
        StoredJson.Object(rows.Strategy.RiskSettings), StoredJson.Object(rows.Instance?.TradingSchedule),
        StoredJson.Object(rows.Config?.Document)?["backtest_config"]?.DeepClone() as JsonObject,
        rows.Strategy.IsPublic == true, rows.Strategy.IsActive == true, StrategyPerformanceView.From(rows.Strategy),
        rows.Strategy.CreatedAt, rows.Strategy.UpdatedAt);
}

/// <summary>
/// A strategy of the marketplace: what it trades and how it did, never who owns it (no user id, email, name,
/// schedule or backtest settings of the owner's).
/// </summary>
public sealed record PublicStrategyView(
    Guid StrategyId, string Name, string? Template, string StrategyType, string? Category, JsonObject? Parameters, JsonObject? RiskSettings,
    StrategyPerformanceView Performance)
{
    public static PublicStrategyView From(Strategy s, string? template) => new(
        s.StrategyId, s.StrategyName, template, s.StrategyType, s.StrategyCategory, StoredJson.Object(s.Parameters), StoredJson.Object(s.RiskSettings),
        StrategyPerformanceView.From(s));
}

/// <summary>The three rows of one strategy (the last three may be missing for a row written outside this API).</summary>
public sealed record StrategyRowSet(Strategy Strategy, UserStrategy? Instance, StrategyConfigDocument? Config, StrategyTemplate? Template);

/// <summary>JSON columns as the API shows them: parsed objects, not escaped text.</summary>
internal static class StoredJson
{
    public static JsonObject? Object(string? text) => string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text) as JsonObject;

    /// <summary>
    /// The text to store: <paramref name="current"/> when it already says the same (PostgreSQL hands jsonb back
    /// reformatted, and rewriting it would make an unchanged column look changed), else the new value.
    /// </summary>
    public static string? Text(string? current, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        return !string.IsNullOrEmpty(current) && JsonNode.DeepEquals(JsonNode.Parse(current), value) ? current : value.ToJsonString();
    }
}
