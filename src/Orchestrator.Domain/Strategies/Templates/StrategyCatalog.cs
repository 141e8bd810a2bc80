namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>The built-in templates, by name. Seeded into <c>strategy_templates</c> at startup.</summary>
public static class StrategyCatalog
{
    public static IReadOnlyList<StrategyTemplateDefinition> All { get; } =
    [
        MovingAverageCrossover.Definition,
        RsiMeanReversion.Definition,
        BollingerMeanReversion.Definition,
        OpeningRangeBreakout.Definition,
        VwapReversion.Definition,
        DonchianBreakout.Definition,
        BuyAndHold.Definition,
    ];

    public static StrategyTemplateDefinition? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
