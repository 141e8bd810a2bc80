using System.Text.Json.Nodes;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Storage.Model.Entities;
using Strategy = Orchestrator.Storage.Model.Entities.Strategy;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// A user strategy as one value: everything its three rows hold. Built from a request (or read back from the
/// rows) and then written to all three by <see cref="StrategyRows.Write"/>, the one place that derives them.
/// </summary>
public sealed record StrategyDraft(
    Guid StrategyId,
    Guid UserId,
    StrategyTemplate Template,
    StrategyTemplateDefinition Definition,
    string Name,
    ParameterSet Parameters,
    RiskSettings RiskSettings,
    TradingSchedule? TradingSchedule,
    BacktestConfig Backtest,
    bool IsPublic,
    bool IsActive);

/// <summary>
/// NOTES.md defect 14: the seed keeps a strategy's configuration in three places. Here <c>strategies</c> is the
/// source of truth and the other two are derived from it, under the same UUID
/// (<c>strategies.strategy_id</c> = <c>user_strategies.user_strategy_id</c> = <c>strategy_configs.strategy_id</c>):
/// <list type="bullet">
/// <item><c>strategies</c>: name, the template's type and category, <c>parameters</c> fully resolved (template
/// defaults with the user's overrides applied), <c>risk_settings</c> (template defaults under the user's),
/// public and active flags, and the performance columns.</item>
/// <item><c>user_strategies</c>: the link to the template (<c>template_id</c>), <c>parameters</c> = only the
/// overrides (the resolved parameters minus the template's defaults), <c>risk_settings</c> mirrored, and
/// <c>trading_schedule</c>, whose only home it is; performance columns mirrored.</item>
/// <item><c>strategy_configs.document</c>: the seed's document shape <c>{strategy_id, user_id, parameters
/// (resolved), backtest_config, is_active, version}</c>; <c>backtest_config</c> lives only here.</item>
/// </list>
/// Every create, update and delete writes all three in one transaction, so they never disagree.
/// </summary>
public static class StrategyRows
{
    /// <summary>Sets every derived column of the three rows from <paramref name="draft"/> (timestamps are the caller's).</summary>
    public static void Write(StrategyDraft draft, Strategy strategy, UserStrategy instance, StrategyConfigDocument config)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var resolved = ParameterSchema.ToJson(draft.Parameters);
        var risk = draft.RiskSettings.ToJson();

        strategy.StrategyId = draft.StrategyId;
        strategy.UserId = draft.UserId;
        strategy.StrategyName = draft.Name;
        strategy.StrategyType = draft.Template.TemplateType;
        strategy.StrategyCategory = draft.Template.Category;
        strategy.Parameters = StoredJson.Text(strategy.Parameters, resolved);
        strategy.RiskSettings = StoredJson.Text(strategy.RiskSettings, risk);
        strategy.Version = draft.Template.Version ?? draft.Definition.Version;
        strategy.IsPublic = draft.IsPublic;
        strategy.IsActive = draft.IsActive;

        instance.UserStrategyId = draft.StrategyId;
        instance.UserId = draft.UserId;
        instance.TemplateId = draft.Template.TemplateId;
        instance.StrategyName = draft.Name;
        instance.IsActive = draft.IsActive;
        instance.Parameters = StoredJson.Text(instance.Parameters, draft.Definition.Parameters.Overrides(draft.Parameters));
        instance.RiskSettings = StoredJson.Text(instance.RiskSettings, risk);
        instance.TradingSchedule = StoredJson.Text(instance.TradingSchedule, draft.TradingSchedule?.ToJson());

        config.StrategyId = draft.StrategyId;
        config.UserId = draft.UserId;
        config.Document = StoredJson.Text(config.Document, Document(draft))!;
        config.IsActive = draft.IsActive;
        config.Version = strategy.Version;
    }

    /// <summary>The <c>strategy_configs</c> document, in the seed's shape.</summary>
    public static JsonObject Document(StrategyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new JsonObject
        {
            ["strategy_id"] = draft.StrategyId.ToString(),
            ["user_id"] = draft.UserId.ToString(),
            ["parameters"] = ParameterSchema.ToJson(draft.Parameters),
            ["backtest_config"] = draft.Backtest.ToJson(),
            ["is_active"] = draft.IsActive,
            ["version"] = draft.Template.Version ?? draft.Definition.Version,
        };
    }

    /// <summary>
    /// Reads a strategy back from its rows, or says why it cannot be (written outside this API, or its template
    /// is no longer in this server's catalog, or its stored parameters no longer fit the template).
    /// </summary>
    public static (StrategyDraft? Draft, string? Problem) Read(StrategyRowSet rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Instance is null || rows.Config is null || rows.Template is null)
        {
            return (null, "This strategy was not made from a template of the catalog, so it cannot be changed or copied here.");
        }

        if (StrategyCatalog.Find(rows.Template.TemplateName) is not { } definition)
        {
            return (null, $"The template '{rows.Template.TemplateName}' is not in this server's catalog any more.");
        }

        var resolution = definition.Validate(definition.Parameters.Resolve(StoredJson.Object(rows.Strategy.Parameters) ?? []));
        if (resolution.Parameters is not { } parameters)
        {
            return (null, $"The stored parameters no longer fit the template '{definition.Name}' ({string.Join(" ", resolution.Errors.Select(e => e.Message))}): send new parameters.");
        }

        var risk = RiskSettings.FromJson(rows.Strategy.RiskSettings ?? "{}").Settings ?? definition.RiskDefaults;
        var schedule = rows.Instance.TradingSchedule is { } text ? TradingSchedule.FromJson(text).Schedule : null;
        var backtestJson = StoredJson.Object(rows.Config.Document)?["backtest_config"] as JsonObject;
        var backtest = backtestJson is null ? BacktestConfig.Default : BacktestConfig.FromJson(backtestJson.ToJsonString()).Settings ?? BacktestConfig.Default;
        return (new StrategyDraft(rows.Strategy.StrategyId, rows.Strategy.UserId, rows.Template, definition, rows.Strategy.StrategyName, parameters, risk,
            schedule, backtest, rows.Strategy.IsPublic == true, rows.Strategy.IsActive == true), null);
    }

    /// <summary>is_active false on the three rows: through <see cref="Write"/> when they read back, else flag by flag (a stop must always work).</summary>
    public static void Deactivate(StrategyRowSet rows)
    {
        if (StrategyRows.Read(rows).Draft is { } draft)
        {
            StrategyRows.Write(draft with { IsActive = false }, rows.Strategy, rows.Instance!, rows.Config!);
            return;
        }

        rows.Strategy.IsActive = false;
        if (rows.Instance is { } instance)
        {
            instance.IsActive = false;
        }

        if (rows.Config is { } config)
        {
            config.IsActive = false;
            if (StoredJson.Object(config.Document) is { } document)
            {
                document["is_active"] = false;
                config.Document = StoredJson.Text(config.Document, document)!;
            }
        }
    }
}
