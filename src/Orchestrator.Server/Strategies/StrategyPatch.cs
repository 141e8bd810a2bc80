using System.Text.Json;
using Orchestrator.Domain.Strategies;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// <c>PATCH /api/v1/strategies/{id}</c>: only the members named here are read, so a body can never change the
/// owner or the performance columns (other members are ignored, as elsewhere in the API; <c>template</c> is
/// refused, since another template's parameters differ). Returns the changed draft, or null with the errors.
/// </summary>
public static class StrategyPatch
{
    public static StrategyDraft? Apply(StrategyDraft current, JsonElement body, ParameterValidator validator, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(validator);
        var draft = current;
        if (Member(body, "template") is not null)
        {
            errors.Add("template", "cannot be changed: create a strategy of the other template (its parameters differ).");
        }

        if (Member(body, "name") is { } name)
        {
            if (name.ValueKind == JsonValueKind.String && FieldRules.IsName(name.GetString()))
            {
                draft = draft with { Name = name.GetString()!.Trim() };
            }
            else
            {
                errors.Add("name", "must be a string of at most 100 characters.");
            }
        }

        if (Member(body, "parameters") is { } parameters && validator.Validate(current.Template, current.Definition, parameters, errors) is { } resolved)
        {
            draft = draft with { Parameters = resolved };
        }

        if (Member(body, "riskSettings") is { } risk && StrategyInput.Risk(risk, current.Definition.RiskDefaults, errors) is { } settings)
        {
            draft = draft with { RiskSettings = settings };
        }

        if (Member(body, "tradingSchedule") is { } scheduleJson && StrategyInput.Schedule(scheduleJson, errors) is (true, var schedule))
        {
            draft = draft with { TradingSchedule = schedule };
        }

        if (Member(body, "backtestConfig") is { } backtestJson && StrategyInput.Backtest(backtestJson, errors) is { } backtest)
        {
            draft = draft with { Backtest = backtest };
        }

        if (Flag(body, "isPublic", errors) is { } isPublic)
        {
            draft = draft with { IsPublic = isPublic };
        }

        if (Flag(body, "isActive", errors) is { } isActive)
        {
            draft = draft with { IsActive = isActive };
        }

        return errors.Any ? null : draft;
    }

    /// <summary>The member when present (JSON null included: it resets the setting), else null.</summary>
    private static JsonElement? Member(JsonElement body, string name) => body.TryGetProperty(name, out var value) ? value : null;

    private static bool? Flag(JsonElement body, string name, ValidationErrors errors)
    {
        if (Member(body, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(name, "must be true or false.");
        return null;
    }
}
