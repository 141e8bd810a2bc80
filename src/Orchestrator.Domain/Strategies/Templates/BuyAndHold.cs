using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// The benchmark: on each symbol's first bar, buy <c>allocation</c> ÷ (number of symbols) of the equity and
/// hold to the end. Never sells.
/// </summary>
public sealed class BuyAndHold(ParameterSet parameters) : Strategy
{
    private readonly decimal _allocation = parameters.Number("allocation");
    private readonly HashSet<string> _bought = new(StringComparer.Ordinal);

    public static StrategyTemplateDefinition Definition { get; } = new(
        Name: "buy-and-hold",
        Type: "BENCHMARK",
        Category: "POSITION_TRADING",
        Description: "Buys an equal share of `allocation` of the equity in every symbol on its first bar and holds it.",
        Tags: ["benchmark", "passive"],
        Parameters: new ParameterSchema(
        [
            ParameterSpec.Number("allocation", 1.0m, "Fraction of equity invested, split equally among the symbols.", 0m, 1m),
        ]),
        Create: static p => new BuyAndHold(p));

    public override void OnBar(IStrategyContext context, in Bar bar)
    {
        if (!_bought.Add(bar.Symbol))
        {
            return;
        }

        var quantity = context.SharesFor(_allocation / context.Symbols.Count, bar.Close);
        if (quantity > 0m)
        {
            context.Emit(new Signal(bar.Symbol, SignalType.Buy, context.Time, bar.Close, quantity, 1m, "buy and hold: first bar",
                new Dictionary<string, decimal>(StringComparer.Ordinal)));
        }
    }
}
