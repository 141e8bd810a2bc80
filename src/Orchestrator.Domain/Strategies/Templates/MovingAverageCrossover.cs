using System.Runtime.CompilerServices;
using Orchestrator.Domain.Indicators;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// Moving-average crossover (the seed's <c>moving_averages</c> example): a fast and a slow average of closes
/// (SMA, EMA or WMA). A cross is a change of the sign of fast − slow, ignoring bars where they are equal; the
/// first bar where both are ready only records the sign. Crossing up: be long <c>allocation</c> of equity;
/// crossing down: close the long (or be short, with <c>allow_short</c>). The signal proposes a stop and a
/// target at <c>risk_management</c>'s percentages from the close. Strength = min(1, |fast − slow| ÷ slow × 100),
/// i.e. full strength at a 1% gap.
/// </summary>
public sealed class MovingAverageCrossover(ParameterSet parameters) : PerSymbolStrategy<MovingAverageCrossover.State>
{
    private readonly int _short = parameters.Int("moving_averages.short_period");
    private readonly int _long = parameters.Int("moving_averages.long_period");
    private readonly string _type = parameters.Choice("moving_averages.ma_type");
    private readonly decimal _allocation = parameters.Number("allocation");
    private readonly bool _allowShort = parameters.Boolean("allow_short");
    private readonly decimal _stopLoss = parameters.Number("risk_management.stop_loss_percentage");
    private readonly decimal _takeProfit = parameters.Number("risk_management.take_profit_percentage");

    // The snapshot's keys ("SMA(10)") and the reasons, built once rather than per signal.
    private static string Name(ParameterSet p, string period) =>
        FormattableString.Invariant($"{p.Choice("moving_averages.ma_type")}({p.Int(period)})");

    private readonly string[] _names = Name(parameters, "moving_averages.short_period") == Name(parameters, "moving_averages.long_period")
        ? [Name(parameters, "moving_averages.long_period")] // one key, as a dictionary with both written under it would keep
        : [Name(parameters, "moving_averages.short_period"), Name(parameters, "moving_averages.long_period")];

    private readonly string _crossedAbove = $"{Name(parameters, "moving_averages.short_period")} crossed above {Name(parameters, "moving_averages.long_period")}";
    private readonly string _crossedBelow = $"{Name(parameters, "moving_averages.short_period")} crossed below {Name(parameters, "moving_averages.long_period")}";

    public static StrategyTemplateDefinition Definition { get; } = new(
        Name: "ma-crossover",
        Type: "MOMENTUM",
        Category: "SWING_TRADING",
        Description: "Goes long when the fast moving average crosses above the slow one and exits (or goes short) when it crosses below.",
        Tags: ["trend", "moving-average", "crossover"],
        Parameters: new ParameterSchema(
        [
            ParameterSpec.Integer("moving_averages.short_period", 10, "Bars in the fast average.", 1, 10_000),
            ParameterSpec.Integer("moving_averages.long_period", 20, "Bars in the slow average.", 2, 10_000),
            ParameterSpec.Choice("moving_averages.ma_type", "SMA", "Kind of average.", "SMA", "EMA", "WMA"),
            CommonParameters.Allocation(),
            CommonParameters.AllowShort(),
            ParameterSpec.Number("risk_management.stop_loss_percentage", 0.02m, "Proposed stop, as a fraction below (long) or above (short) the entry.", 0m, 1m),
            ParameterSpec.Number("risk_management.take_profit_percentage", 0.04m, "Proposed target, as a fraction above (long) or below (short) the entry.", 0m, 10m),
        ]),
        Create: static p => new MovingAverageCrossover(p),
        Rules: static p => CommonParameters.Ascending(p, "moving_averages.short_period", "moving_averages.long_period"));

    protected override State CreateState(IStrategyContext context, string symbol) => new(Average(_short), Average(_long));

    protected override void OnBar(IStrategyContext context, in Bar bar, State state)
    {
        int sign;
        if (state.FastSma is { } fastSma && state.SlowSma is { } slowSma)
        {
            // The default: calls on the sealed Sma are direct (and inlined), where the interface dispatches each one.
            fastSma.Update(bar.Close);
            slowSma.Update(bar.Close);
            if (!slowSma.IsReady || !fastSma.IsReady)
            {
                return;
            }

            // sign(fast − slow) = sign(fast sum × long − slow sum × short): no division per bar, and in integers while
            // both sums are kept in units of one scale (see Sma), the same comparison of the same exact values.
            sign = fastSma.TryGetSumUnits(out var fastUnits, out var fastScale) && slowSma.TryGetSumUnits(out var slowUnits, out var slowScale)
                && fastScale == slowScale
                ? Math.Sign(((Int128)fastUnits * _long).CompareTo((Int128)slowUnits * _short))
                : Math.Sign((fastSma.Sum * _long).CompareTo(slowSma.Sum * _short));
        }
        else
        {
            state.Fast.Update(bar.Close);
            state.Slow.Update(bar.Close);
            if (!state.Slow.IsReady || !state.Fast.IsReady)
            {
                return;
            }

            sign = Math.Sign(state.Fast.Value.CompareTo(state.Slow.Value));
        }

        if (sign == 0 || sign == state.Sign)
        {
            return;
        }

        var previous = state.Sign;
        state.Sign = sign;
        if (previous != 0) // on the first ready bar there is no cross yet
        {
            OnCross(context, bar, state, sign);
        }
    }

    /// <summary>
    /// The averages crossed: the signal. Kept out of the per-bar method on purpose: inlined there, its decimal and
    /// signal temporaries gave every bar a stack frame of over a kilobyte, zeroed on each call.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnCross(IStrategyContext context, in Bar bar, State state, int sign)
    {
        var fast = state.Fast.Value;
        var slow = state.Slow.Value;
        var position = context.PositionOf(bar.Symbol);
        var strength = slow == 0m ? 1m : Math.Min(1m, Math.Abs(fast - slow) / slow * 100m);
        var indicators = new IndicatorSnapshot(_names, _names.Length == 2 ? [fast, slow] : [slow]);
        if (sign > 0 && position <= 0m)
        {
            var quantity = context.SharesFor(_allocation, bar.Close);
            Signal(context, bar, SignalType.Buy, quantity, strength, _crossedAbove, indicators,
                _stopLoss > 0m ? bar.Close * (1m - _stopLoss) : null, _takeProfit > 0m ? bar.Close * (1m + _takeProfit) : null);
        }
        else if (sign < 0 && _allowShort && position >= 0m)
        {
            var quantity = context.SharesFor(_allocation, bar.Close);
            Signal(context, bar, SignalType.Sell, quantity, strength, _crossedBelow, indicators,
                _stopLoss > 0m ? bar.Close * (1m + _stopLoss) : null, _takeProfit > 0m ? bar.Close * (1m - _takeProfit) : null);
        }
        else if (sign < 0 && position > 0m)
        {
            Signal(context, bar, SignalType.Close, 0m, strength, _crossedBelow, indicators);
        }
    }

    private IValueIndicator Average(int period) => _type switch
    {
        "EMA" => new Ema(period),
        "WMA" => new Wma(period),
        _ => new Sma(period),
    };

    public sealed class State(IValueIndicator fast, IValueIndicator slow)
    {
        public IValueIndicator Fast { get; } = fast;

        public IValueIndicator Slow { get; } = slow;

        /// <summary>The averages as <see cref="Sma"/> when they are (the default), for the per-bar fast path.</summary>
        internal Sma? FastSma { get; } = fast as Sma;

        internal Sma? SlowSma { get; } = slow as Sma;

        /// <summary>The sign of fast − slow at the last bar where they differed; 0 before both were ready.</summary>
        public int Sign { get; set; }
    }
}
