using System.Text.Json;
using Orchestrator.Domain.Strategies;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// The settings documents of a strategy request, checked by the domain types; each error is named
/// <c>&lt;member&gt;.&lt;key&gt;</c> as the request spells it (<c>tradingSchedule.time_zone</c>,
/// <c>riskSettings.stop_loss_percentage</c>, <c>backtestConfig.end_date</c>).
/// </summary>
public static class StrategyInput
{
    public const string RiskField = "riskSettings";
    public const string ScheduleField = "tradingSchedule";
    public const string BacktestField = "backtestConfig";

    /// <summary>The user's risk settings over the template's defaults (absent or null: the defaults).</summary>
    public static RiskSettings? Risk(JsonElement? json, RiskSettings defaults, ValidationErrors errors)
    {
        if (json is not { ValueKind: not JsonValueKind.Null } value)
        {
            return defaults;
        }

        var (settings, problems) = RiskSettings.FromJson(value);
        Add(errors, RiskField, "risk_settings", problems);
        return settings?.Over(defaults);
    }

    /// <summary>The schedule (absent or null: none, the strategy may run at any time); <c>Ok</c> is false when it is invalid.</summary>
    public static (bool Ok, TradingSchedule? Schedule) Schedule(JsonElement? json, ValidationErrors errors)
    {
        if (json is not { ValueKind: not JsonValueKind.Null } value)
        {
            return (true, null);
        }

        var (schedule, problems) = TradingSchedule.FromJson(value);
        Add(errors, ScheduleField, "trading_schedule", problems);
        return (schedule is not null, schedule);
    }

    /// <summary>The backtest configuration (absent or null: the defaults).</summary>
    public static BacktestConfig? Backtest(JsonElement? json, ValidationErrors errors)
    {
        if (json is not { ValueKind: not JsonValueKind.Null } value)
        {
            return BacktestConfig.Default;
        }

        var (settings, problems) = BacktestConfig.FromJson(value);
        Add(errors, BacktestField, "backtest_config", problems);
        return settings;
    }

    /// <summary>A domain error names a key of the document (or the document itself): prefix it with the request's member.</summary>
    private static void Add(ValidationErrors errors, string member, string document, IReadOnlyList<FieldError> problems)
    {
        foreach (var problem in problems)
        {
            errors.Add(problem.Field == document ? member : $"{member}.{problem.Field}", problem.Message);
        }
    }
}
