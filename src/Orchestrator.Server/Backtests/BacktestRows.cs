using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Backtesting.Statistics;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Backtests;

/// <summary>
/// A backtest result as a <c>strategy_backtests</c> row: the seed's summary columns (from Lean's statistics and
/// the trade list) and, beside them, the JSON of the statistics, equity curve, trades, parameters and settings.
/// Values are rounded to their column's scale; a value too large for its column (e.g. the annualized return of
/// a one-day run) is stored as null rather than failing the insert.
/// </summary>
public static class BacktestRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static StrategyBacktest From(Guid strategyId, BacktestResult result, BacktestSettings settings, ParameterSet parameters, Guid? optimizationId, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(parameters);
        var trades = TradeSummary.From(result.Trades);
        return new StrategyBacktest
        {
            StrategyId = strategyId,
            StartDate = result.StartDate,
            EndDate = result.EndDate,
            InitialCapital = result.InitialCapital,
            CommissionRate = settings.FeeModel is PercentageFeeModel p ? Fit(p.Rate, 6, 4) : null,
            FinalValue = Fit(result.Statistic("End Equity"), 20, 8) ?? 0m,
            // From the equity itself: Lean leaves Net Profit at 0 for runs shorter than three trading days.
            TotalReturn = Fit((result.EndEquity / result.InitialCapital) - 1m, 10, 6) ?? 0m,
            AnnualizedReturn = Fit(result.Statistic("Compounding Annual Return"), 10, 6),
            Volatility = Fit(result.Statistic("Annual Standard Deviation"), 10, 6),
            SharpeRatio = Fit(result.Statistic("Sharpe Ratio"), 10, 6),
            MaxDrawdown = Fit(result.Statistic("Drawdown"), 10, 6),
            WinRate = Fit(trades.WinRate, 5, 4),
            ProfitFactor = Fit(trades.ProfitFactor, 10, 4),
            TotalTrades = trades.TotalTrades,
            WinningTrades = trades.WinningTrades,
            LosingTrades = trades.LosingTrades,
            AvgWin = Fit(trades.AverageWin, 15, 8),
            AvgLoss = Fit(trades.AverageLoss, 15, 8),
            LargestWin = Fit(trades.LargestWin, 20, 8),
            LargestLoss = Fit(trades.LargestLoss, 20, 8),
            Notes = $"{result.StrategyName} on {string.Join(", ", result.Symbols)}",
            Symbols = JsonSerializer.Serialize(result.Symbols, Json),
            Parameters = ParameterSchema.ToJson(parameters).ToJsonString(),
            Settings = SettingsJson(settings).ToJsonString(),
            Statistics = new JsonObject(result.Statistics.Select(static s => KeyValuePair.Create(s.Name, (JsonNode?)JsonValue.Create(s.Value)))).ToJsonString(),
            EquityCurve = JsonSerializer.Serialize(result.EquityCurve, Json),
            Trades = JsonSerializer.Serialize(result.Trades, Json),
            BarsProcessed = result.BarsProcessed,
            OptimizationId = optimizationId,
            CreatedAt = createdAt,
        };
    }

    public static JsonObject SettingsJson(BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new JsonObject
        {
            ["initial_capital"] = settings.InitialCapital,
            ["fees"] = FeeModelSpec.Format(settings.FeeModel),
            ["slippage"] = SlippageModelSpec.Format(settings.SlippageModel),
            ["participation_rate"] = settings.ParticipationRate,
            ["benchmark"] = settings.BenchmarkSymbol,
            ["risk_free_rate"] = settings.RiskFreeRate,
            ["trading_days_per_year"] = settings.TradingDaysPerYear,
        };
    }

    /// <summary><paramref name="value"/> rounded to <paramref name="scale"/>, or null when it does not fit DECIMAL(precision, scale).</summary>
    public static decimal? Fit(decimal? value, int precision, int scale)
    {
        if (value is not { } v)
        {
            return null;
        }

        var rounded = Math.Round(v, scale, MidpointRounding.AwayFromZero);
        var limit = 1m;
        for (var i = 0; i < precision - scale; i++)
        {
            limit *= 10m;
        }

        return Math.Abs(rounded) < limit ? rounded : null;
    }
}
