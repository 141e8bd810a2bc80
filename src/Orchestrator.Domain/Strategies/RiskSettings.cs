using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Strategies;

/// <summary>
/// A strategy's risk settings (the seed's <c>strategies.risk_settings</c> and <c>user_strategies.risk_settings</c>):
/// <code>{"stop_loss_percentage":0.02,"take_profit_percentage":0.04,"max_position_fraction":0.25}</code>
/// Each is a fraction in [0, 1] and optional: the stop and target are distances from the entry price, the
/// position cap a share of equity. An unknown member is an error, so a misspelt limit never goes unnoticed.
/// </summary>
public sealed record RiskSettings(decimal? StopLossPercentage = null, decimal? TakeProfitPercentage = null, decimal? MaxPositionFraction = null)
{
    private static readonly string[] Members = ["stop_loss_percentage", "take_profit_percentage", "max_position_fraction"];

    public static RiskSettings None { get; } = new();

    /// <summary>These settings, with <paramref name="defaults"/> filling the ones not set (a template's defaults under a user's choice).</summary>
    public RiskSettings Over(RiskSettings defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new(StopLossPercentage ?? defaults.StopLossPercentage, TakeProfitPercentage ?? defaults.TakeProfitPercentage,
            MaxPositionFraction ?? defaults.MaxPositionFraction);
    }

    /// <summary>Parses the JSON shape above (JSON null for a member means "not set"); errors name the member.</summary>
    public static (RiskSettings? Settings, IReadOnlyList<FieldError> Errors) FromJson(JsonElement json)
    {
        var fields = JsonFields.Open(json, "risk_settings", Members);
        if (!fields.IsObject)
        {
            return (null, fields.Errors);
        }

        var settings = new RiskSettings(
            fields.Number("stop_loss_percentage", 0m, 1m),
            fields.Number("take_profit_percentage", 0m, 1m),
            fields.Number("max_position_fraction", 0m, 1m));
        return fields.Errors.Count > 0 ? (null, fields.Errors) : (settings, []);
    }

    public static (RiskSettings? Settings, IReadOnlyList<FieldError> Errors) FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    /// <summary>The members that are set, in the order above.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (StopLossPercentage is { } stop)
        {
            json["stop_loss_percentage"] = stop;
        }

        if (TakeProfitPercentage is { } target)
        {
            json["take_profit_percentage"] = target;
        }

        if (MaxPositionFraction is { } fraction)
        {
            json["max_position_fraction"] = fraction;
        }

        return json;
    }
}
