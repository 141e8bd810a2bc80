using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Cli.Backtests;

/// <summary>
/// The <c>--json</c> output of a backtest: one object with <c>statistics</c> keyed by Lean's exact names
/// (fractions for percentages), <c>trades</c>, <c>parameters</c> (nested, typed) and the run's identity.
/// Deterministic: the same run prints the same bytes.
/// </summary>
public static class BacktestJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static JsonObject Of(BacktestResult result, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(parameters);
        return new JsonObject
        {
            ["strategy"] = result.StrategyName,
            ["symbols"] = new JsonArray([.. result.Symbols.Select(static s => (JsonNode)JsonValue.Create(s))]),
            ["from"] = result.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = result.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["statistics"] = new JsonObject(result.Statistics.Select(static s => KeyValuePair.Create(s.Name, (JsonNode?)JsonValue.Create(s.Value)))),
            ["parameters"] = ParameterSchema.ToJson(parameters),
            ["trades"] = JsonSerializer.SerializeToNode(result.Trades, Options),
            ["orders"] = result.Orders.Count,
            ["bars"] = result.BarsProcessed,
        };
    }

    public static string Write(JsonNode node) => node.ToJsonString(Options);
}
