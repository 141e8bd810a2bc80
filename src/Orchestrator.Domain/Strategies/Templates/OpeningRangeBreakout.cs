using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// Opening-range breakout: the high and low of the bars that start in the first <c>range_minutes</c> of the
/// session make the range; after it, the first close above the range high goes long (stop at the range low),
/// the first close below the range low goes short with <c>allow_short</c> (stop at the range high). At most
/// one entry per symbol and session; every position is closed <c>exit_minutes_before_close</c> before the
/// close. Strength is the breakout distance as a fraction of the range's width (capped at 1).
/// </summary>
public sealed class OpeningRangeBreakout(ParameterSet parameters) : PerSymbolStrategy<OpeningRangeBreakout.State>
{
    private readonly TimeSpan _range = TimeSpan.FromMinutes(parameters.Int("range_minutes"));
    private readonly TimeSpan _exitBeforeClose = TimeSpan.FromMinutes(parameters.Int("exit_minutes_before_close"));
    private readonly decimal _allocation = parameters.Number("allocation");
    private readonly bool _allowShort = parameters.Boolean("allow_short");

    public static StrategyTemplateDefinition Definition { get; } = new(
        Name: "opening-range-breakout",
        Type: "BREAKOUT",
        Category: "DAY_TRADING",
        Description: "Trades the first break of the session's opening range and is flat by the close.",
        Tags: ["breakout", "intraday", "opening-range"],
        Parameters: new ParameterSchema(
        [
            ParameterSpec.Integer("range_minutes", 30, "Minutes after the open that form the range.", 1, 390),
            CommonParameters.ExitBeforeClose(),
            CommonParameters.Allocation(),
            CommonParameters.AllowShort(true),
        ]),
        Create: static p => new OpeningRangeBreakout(p));

    protected override State CreateState(IStrategyContext context, string symbol) => new(new SessionTracker(context.HoursOf(symbol)));

    protected override void OnBar(IStrategyContext context, in Bar bar, State state)
    {
        if (state.Session.Advance(bar))
        {
            state.High = decimal.MinValue;
            state.Low = decimal.MaxValue;
            state.Traded = false;
        }

        var position = context.PositionOf(bar.Symbol);
        if (state.Session.IsNearClose(bar.End, _exitBeforeClose))
        {
            if (position != 0m)
            {
                Signal(context, bar, SignalType.Close, 0m, 1m, "session close approaching", Snapshot(state));
            }

            return;
        }

        // Only bars inside the session form the range: a pre-market bar (or an evening bar, which the tracker already
        // counts toward the next session) starts before the open and must not widen it.
        if (bar.Start >= state.Session.Open && bar.Start < state.Session.Open + _range)
        {
            state.High = Math.Max(state.High, bar.High);
            state.Low = Math.Min(state.Low, bar.Low);
            return;
        }

        if (state.Traded || position != 0m || state.High < state.Low)
        {
            return;
        }

        var width = state.High - state.Low;
        if (bar.Close > state.High)
        {
            state.Traded = true;
            Signal(context, bar, SignalType.Buy, context.SharesFor(_allocation, bar.Close), Strength(bar.Close - state.High, width),
                FormattableString.Invariant($"close {bar.Close} broke above the opening range high {state.High}"), Snapshot(state), stopLoss: state.Low);
        }
        else if (_allowShort && bar.Close < state.Low)
        {
            state.Traded = true;
            Signal(context, bar, SignalType.Sell, context.SharesFor(_allocation, bar.Close), Strength(state.Low - bar.Close, width),
                FormattableString.Invariant($"close {bar.Close} broke below the opening range low {state.Low}"), Snapshot(state), stopLoss: state.High);
        }
    }

    private static decimal Strength(decimal distance, decimal width) => width == 0m ? 1m : Math.Min(1m, distance / width);

    private static Dictionary<string, decimal> Snapshot(State state) => new(StringComparer.Ordinal)
    {
        ["range_high"] = state.High == decimal.MinValue ? 0m : state.High,
        ["range_low"] = state.Low == decimal.MaxValue ? 0m : state.Low,
    };

    public sealed class State(SessionTracker session)
    {
        public SessionTracker Session { get; } = session;

        public decimal High { get; set; } = decimal.MinValue;

        public decimal Low { get; set; } = decimal.MaxValue;

        /// <summary>An entry was signalled this session.</summary>
        public bool Traded { get; set; }
    }
}
