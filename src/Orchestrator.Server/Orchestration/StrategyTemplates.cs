using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Server.Orchestration;

/// <summary>
/// The templates the runner can instantiate: the built-in catalog, plus any <see cref="StrategyTemplateDefinition"/>
/// registered in the container (a plug-in's, or a test's), which win over a built-in of the same name.
/// </summary>
public sealed class StrategyTemplates(IEnumerable<StrategyTemplateDefinition> extra)
{
    private readonly Dictionary<string, StrategyTemplateDefinition> _byName =
        StrategyCatalog.All.Concat(extra).GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public StrategyTemplateDefinition? Find(string name) => _byName.GetValueOrDefault(name);
}
