using Orchestrator.Domain.Indicators;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// RSI mean reversion: flat and RSI below <c>rsi.oversold</c>: be long; flat and RSI above
/// <c>rsi.overbought</c> (with <c>allow_short</c>): be short; a long closes when RSI reaches
/// <c>rsi.exit_level</c> from below, a short when it falls to it. Strength is how far RSI is past the
/// threshold, as a fraction of the threshold's distance from 0 (buy) or 100 (sell).
/// </summary>
public sealed class RsiMeanReversion(ParameterSet parameters) : PerSymbolStrategy<Rsi>
{
    private readonly int _period = parameters.Int("rsi.period");
    private readonly decimal _oversold = parameters.Number("rsi.oversold");
    private readonly decimal _overbought = parameters.Number("rsi.overbought");
    private readonly decimal _exit = parameters.Number("rsi.exit_level");
    private readonly decimal _allocation = parameters.Number("allocation");
    private readonly bool _allowShort = parameters.Boolean("allow_short");

    public static StrategyTemplateDefinition Definition { get; } = new(
        Name: "rsi-mean-reversion",
        Type: "MEAN_REVERSION",
        Category: "DAY_TRADING",
        Description: "Buys when Wilder's RSI is oversold and exits when it recovers to the exit level (mirrored for shorts).",
        Tags: ["mean-reversion", "rsi", "oscillator"],
        Parameters: new ParameterSchema(
        [
            ParameterSpec.Integer("rsi.period", 14, "RSI lookback in bars.", 2, 1_000),
            ParameterSpec.Number("rsi.oversold", 30m, "Enter long below this RSI.", 0m, 100m),
            ParameterSpec.Number("rsi.overbought", 70m, "Enter short above this RSI (with allow_short).", 0m, 100m),
            ParameterSpec.Number("rsi.exit_level", 50m, "Exit when RSI returns to this level.", 0m, 100m),
            CommonParameters.Allocation(),
            CommonParameters.AllowShort(),
        ]),
        Create: static p => new RsiMeanReversion(p),
        Rules: static p => CommonParameters.Ascending(p, "rsi.oversold", "rsi.exit_level")
            .Concat(CommonParameters.Ascending(p, "rsi.exit_level", "rsi.overbought")));

    protected override Rsi CreateState(IStrategyContext context, string symbol) => new(_period);

    protected override void OnBar(IStrategyContext context, in Bar bar, Rsi rsi)
    {
        rsi.Update(bar.Close);
        if (!rsi.IsReady)
        {
            return;
        }

        var value = rsi.Value;
        var position = context.PositionOf(bar.Symbol);
        if (position == 0m && value < _oversold)
        {
            Signal(context, bar, SignalType.Buy, context.SharesFor(_allocation, bar.Close), (_oversold - value) / _oversold,
                FormattableString.Invariant($"RSI({_period}) {value:F2} below {_oversold}"), Snapshot(value));
        }
        else if (position == 0m && _allowShort && value > _overbought)
        {
            Signal(context, bar, SignalType.Sell, context.SharesFor(_allocation, bar.Close), (value - _overbought) / (100m - _overbought),
                FormattableString.Invariant($"RSI({_period}) {value:F2} above {_overbought}"), Snapshot(value));
        }
        else if ((position > 0m && value >= _exit) || (position < 0m && value <= _exit))
        {
            Signal(context, bar, SignalType.Close, 0m, 1m, FormattableString.Invariant($"RSI({_period}) {value:F2} back at {_exit}"), Snapshot(value));
        }
    }

    private Dictionary<string, decimal> Snapshot(decimal value) => new(StringComparer.Ordinal) { [$"RSI({_period})"] = value };
}
