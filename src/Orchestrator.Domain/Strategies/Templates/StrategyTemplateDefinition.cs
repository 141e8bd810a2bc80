using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// A built-in strategy template: what the catalog (<c>strategy_templates</c>) shows, the parameters it takes
/// and how to build a running instance from resolved parameters.
/// </summary>
/// <param name="Name">The stable name users type (<c>ma-crossover</c>, <c>buy-and-hold</c>, …): the seed's template_name.</param>
/// <param name="Type">The seed's strategy_type / template_type (MOMENTUM, MEAN_REVERSION, BREAKOUT, BENCHMARK).</param>
/// <param name="Category">The seed's category (DAY_TRADING, SWING_TRADING, POSITION_TRADING).</param>
/// <param name="Rules">Cross-parameter rules the schema cannot say (e.g. short period below long period).</param>
/// <param name="DefaultRiskSettings">The seed's default_risk_settings: what a strategy of this template gets for each risk setting its user leaves unset (none by default).</param>
/// <param name="Version">The template's version (the seed's strategy_templates.version); a change to its parameters or rules deserves a new one.</param>
public sealed record StrategyTemplateDefinition(
    string Name,
    string Type,
    string Category,
    string Description,
    IReadOnlyList<string> Tags,
    ParameterSchema Parameters,
    Func<ParameterSet, Strategy> Create,
    Func<ParameterSet, IEnumerable<ParameterError>>? Rules = null,
    RiskSettings? DefaultRiskSettings = null,
    string Version = "1.0.0")
{
    /// <summary>The risk settings a strategy of this template starts from.</summary>
    public RiskSettings RiskDefaults => DefaultRiskSettings ?? RiskSettings.None;

    /// <summary>Resolves overrides and applies the template's rules: the parameters, or every error naming its parameter.</summary>
    public ParameterResolution Validate(ParameterResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        if (resolution.Parameters is not { } parameters || Rules is null)
        {
            return resolution;
        }

        var errors = Rules(parameters).ToList();
        return errors.Count > 0 ? new ParameterResolution(null, errors) : resolution;
    }
}
