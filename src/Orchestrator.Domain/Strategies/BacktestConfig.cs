using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;

namespace Orchestrator.Domain.Strategies;

/// <summary>
/// How a strategy is backtested by default (the seed's <c>strategy_configs.backtest_config</c>):
/// <code>{"start_date":"2024-01-01","end_date":"2024-12-31","initial_capital":100000,"commission_rate":0.001,"slippage":0.0005}</code>
/// Every member is optional; the defaults are the seed's example (no dates: the backtest request names the
/// period). <see cref="InitialCapital"/> is also the equity that per-strategy drawdown is measured against.
/// </summary>
public sealed record BacktestConfig(DateOnly? StartDate, DateOnly? EndDate, decimal InitialCapital, decimal CommissionRate, decimal Slippage)
{
    public const decimal DefaultInitialCapital = 100_000m;

    private static readonly string[] Members = ["start_date", "end_date", "initial_capital", "commission_rate", "slippage"];

    /// <summary>No period, 100,000 of capital, commission 0.1% (strategy_backtests' default), slippage 0.05%.</summary>
    public static BacktestConfig Default { get; } = new(null, null, DefaultInitialCapital, 0.001m, 0.0005m);

    /// <summary>Parses the JSON shape above (a missing member takes its default); errors name the member.</summary>
    public static (BacktestConfig? Settings, IReadOnlyList<FieldError> Errors) FromJson(JsonElement json)
    {
        var fields = JsonFields.Open(json, "backtest_config", Members);
        if (!fields.IsObject)
        {
            return (null, fields.Errors);
        }

        var start = ReadDate(fields, "start_date");
        var end = ReadDate(fields, "end_date");
        if (start is { } s && end is { } e && e < s)
        {
            fields.Error("end_date", "must not be before start_date.");
        }

        // Capital fits strategy_backtests.initial_capital DECIMAL(20,8); the rates its commission_rate DECIMAL(6,4)
        // and the bounds every backtest's fees and slippage share.
        var capital = fields.Number("initial_capital", 0.01m, 1_000_000_000_000m);
        var commission = fields.Number("commission_rate", 0m, FeeBounds.MaxRate);
        var slippage = fields.Number("slippage", 0m, SlippageBounds.MaxFraction);
        if (fields.Errors.Count > 0)
        {
            return (null, fields.Errors);
        }

        return (new BacktestConfig(start, end, capital ?? Default.InitialCapital, commission ?? Default.CommissionRate, slippage ?? Default.Slippage), []);
    }

    public static (BacktestConfig? Settings, IReadOnlyList<FieldError> Errors) FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    /// <summary>All five members, dates as yyyy-MM-dd or null.</summary>
    public JsonObject ToJson() => new()
    {
        ["start_date"] = StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["end_date"] = EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["initial_capital"] = InitialCapital,
        ["commission_rate"] = CommissionRate,
        ["slippage"] = Slippage,
    };

    private static DateOnly? ReadDate(JsonFields fields, string name)
    {
        if (fields.Get(name) is not { } element)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        fields.Error(name, $"{element.GetRawText()} is not a date (yyyy-MM-dd).");
        return null;
    }
}
