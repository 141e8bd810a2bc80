using Orchestrator.Domain.Indicators;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// VWAP reversion: flat and the close more than <c>deviation</c> below the session VWAP: be long; more than
/// <c>deviation</c> above it (with <c>allow_short</c>): be short; exit when the close returns to the VWAP,
/// and flatten <c>exit_minutes_before_close</c> before the close (no entries in that window). Strength is the
/// distance from VWAP in multiples of the deviation band, capped at 1 at twice the band.
/// </summary>
public sealed class VwapReversion(ParameterSet parameters) : PerSymbolStrategy<VwapReversion.State>
{
    private readonly decimal _deviation = parameters.Number("deviation");
    private readonly TimeSpan _exitBeforeClose = TimeSpan.FromMinutes(parameters.Int("exit_minutes_before_close"));
    private readonly decimal _allocation = parameters.Number("allocation");
    private readonly bool _allowShort = parameters.Boolean("allow_short");

    public static StrategyTemplateDefinition Definition { get; } = new(
        Name: "vwap-reversion",
        Type: "MEAN_REVERSION",
        Category: "DAY_TRADING",
        Description: "Fades moves away from the session VWAP and exits at the VWAP; flat by the close.",
        Tags: ["mean-reversion", "vwap", "intraday"],
        Parameters: new ParameterSchema(
        [
            ParameterSpec.Number("deviation", 0.01m, "Distance from VWAP that triggers an entry, as a fraction of VWAP.", 0.0001m, 1m),
            CommonParameters.ExitBeforeClose(),
            CommonParameters.Allocation(),
            CommonParameters.AllowShort(),
        ]),
        Create: static p => new VwapReversion(p));

    protected override State CreateState(IStrategyContext context, string symbol)
    {
        var hours = context.HoursOf(symbol);
        return new State(new Vwap(hours), new SessionTracker(hours));
    }

    protected override void OnBar(IStrategyContext context, in Bar bar, State state)
    {
        state.Session.Advance(bar);
        state.Vwap.Update(bar);
        var vwap = state.Vwap.Value;
        var position = context.PositionOf(bar.Symbol);
        var close = bar.Close;
        if (state.Session.IsNearClose(bar.End, _exitBeforeClose))
        {
            if (position != 0m)
            {
                Signal(context, bar, SignalType.Close, 0m, 1m, "session close approaching", Snapshot(vwap));
            }

            return;
        }

        if (vwap == 0m)
        {
            return;
        }

        var distance = (close - vwap) / vwap;
        if (position == 0m && distance < -_deviation)
        {
            Signal(context, bar, SignalType.Buy, context.SharesFor(_allocation, close), Strength(distance),
                FormattableString.Invariant($"close {close} is {-distance:P2} below VWAP {vwap:F4}"), Snapshot(vwap));
        }
        else if (position == 0m && _allowShort && distance > _deviation)
        {
            Signal(context, bar, SignalType.Sell, context.SharesFor(_allocation, close), Strength(distance),
                FormattableString.Invariant($"close {close} is {distance:P2} above VWAP {vwap:F4}"), Snapshot(vwap));
        }
        else if ((position > 0m && close >= vwap) || (position < 0m && close <= vwap))
        {
            Signal(context, bar, SignalType.Close, 0m, 1m, FormattableString.Invariant($"close {close} back at VWAP {vwap:F4}"), Snapshot(vwap));
        }
    }

    private decimal Strength(decimal distance) => Math.Min(1m, Math.Abs(distance) / (2m * _deviation));

    private static Dictionary<string, decimal> Snapshot(decimal vwap) => new(StringComparer.Ordinal) { ["VWAP"] = vwap };

    public sealed class State(Vwap vwap, SessionTracker session)
    {
        public Vwap Vwap { get; } = vwap;

        public SessionTracker Session { get; } = session;
    }
}
