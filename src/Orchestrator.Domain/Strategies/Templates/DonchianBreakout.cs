using Orchestrator.Domain.Indicators;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// Donchian channel breakout (the turtles' rule): a close above the highest high of the previous
/// <c>channel.entry_period</c> bars goes long, below the lowest low goes short with <c>allow_short</c>; a long
/// exits on a close below the lowest low of the previous <c>channel.exit_period</c> bars, a short above the
/// highest high. "Previous" excludes the current bar, so a breakout is measured against the channel as it stood.
/// Strength is the breakout distance as a fraction of the channel's width (capped at 1).
/// </summary>
public sealed class DonchianBreakout(ParameterSet parameters) : PerSymbolStrategy<DonchianBreakout.State>
{
    private readonly int _entry = parameters.Int("channel.entry_period");
    private readonly int _exit = parameters.Int("channel.exit_period");
    private readonly decimal _allocation = parameters.Number("allocation");
    private readonly bool _allowShort = parameters.Boolean("allow_short");

    public static StrategyTemplateDefinition Definition { get; } = new(
        Name: "donchian-breakout",
        Type: "BREAKOUT",
        Category: "SWING_TRADING",
        Description: "Enters on a break of the N-bar high (or low) and exits on a break of the shorter M-bar channel.",
        Tags: ["breakout", "trend", "donchian"],
        Parameters: new ParameterSchema(
        [
            ParameterSpec.Integer("channel.entry_period", 20, "Bars in the entry channel.", 2, 10_000),
            ParameterSpec.Integer("channel.exit_period", 10, "Bars in the exit channel.", 1, 10_000),
            CommonParameters.Allocation(),
            CommonParameters.AllowShort(),
        ]),
        Create: static p => new DonchianBreakout(p),
        Rules: static p => CommonParameters.Ascending(p, "channel.exit_period", "channel.entry_period"));

    protected override State CreateState(IStrategyContext context, string symbol) =>
        new(new Highest(_entry), new Lowest(_entry), new Highest(_exit), new Lowest(_exit));

    protected override void OnBar(IStrategyContext context, in Bar bar, State state)
    {
        if (state.EntryHigh.IsReady)
        {
            Decide(context, bar, state);
        }

        state.EntryHigh.Update(bar.High);
        state.EntryLow.Update(bar.Low);
        state.ExitHigh.Update(bar.High);
        state.ExitLow.Update(bar.Low);
    }

    private void Decide(IStrategyContext context, in Bar bar, State state)
    {
        var close = bar.Close;
        var upper = state.EntryHigh.Value;
        var lower = state.EntryLow.Value;
        var width = upper - lower;
        var position = context.PositionOf(bar.Symbol);
        if (position > 0m && close < state.ExitLow.Value)
        {
            Signal(context, bar, SignalType.Close, 0m, 1m, FormattableString.Invariant($"close {close} below the {_exit}-bar low {state.ExitLow.Value}"), Snapshot(state));
        }
        else if (position < 0m && close > state.ExitHigh.Value)
        {
            Signal(context, bar, SignalType.Close, 0m, 1m, FormattableString.Invariant($"close {close} above the {_exit}-bar high {state.ExitHigh.Value}"), Snapshot(state));
        }
        else if (position == 0m && close > upper)
        {
            Signal(context, bar, SignalType.Buy, context.SharesFor(_allocation, close), Strength(close - upper, width),
                FormattableString.Invariant($"close {close} above the {_entry}-bar high {upper}"), Snapshot(state), stopLoss: state.ExitLow.Value);
        }
        else if (position == 0m && _allowShort && close < lower)
        {
            Signal(context, bar, SignalType.Sell, context.SharesFor(_allocation, close), Strength(lower - close, width),
                FormattableString.Invariant($"close {close} below the {_entry}-bar low {lower}"), Snapshot(state), stopLoss: state.ExitHigh.Value);
        }
    }

    private static decimal Strength(decimal distance, decimal width) => width == 0m ? 1m : Math.Min(1m, distance / width);

    private Dictionary<string, decimal> Snapshot(State state) => new(StringComparer.Ordinal)
    {
        [$"DC({_entry}).upper"] = state.EntryHigh.Value,
        [$"DC({_entry}).lower"] = state.EntryLow.Value,
        [$"DC({_exit}).upper"] = state.ExitHigh.Value,
        [$"DC({_exit}).lower"] = state.ExitLow.Value,
    };

    public sealed class State(Highest entryHigh, Lowest entryLow, Highest exitHigh, Lowest exitLow)
    {
        public Highest EntryHigh { get; } = entryHigh;

        public Lowest EntryLow { get; } = entryLow;

        public Highest ExitHigh { get; } = exitHigh;

        public Lowest ExitLow { get; } = exitLow;
    }
}
