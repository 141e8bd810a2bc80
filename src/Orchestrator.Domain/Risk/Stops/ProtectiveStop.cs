using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Stops;

/// <summary>
/// The protective exit attached to a new position: a stop loss, fixed at a distance from the entry or trailing
/// the best price since the entry, and an optional take-profit target (from the signal). Fed the symbol's bars,
/// it says whether and at what price the position exits, with the paper exchange's own rules
/// (<see cref="MatchingRules"/>), so a backtest with protective stops fills as resting orders would:
/// <list type="bullet">
/// <item>the stop triggers when the bar reaches it (a long's: <c>Low &lt;= stop</c>; a short's: <c>High &gt;= stop</c>)
/// and fills at the stop, or at the open when the bar gapped through it;</item>
/// <item>the take-profit is a resting limit: it fills when the bar traded strictly through it (a long's:
/// <c>High &gt; target</c>; a short's: <c>Low &lt; target</c>), at the target or the open if that is better;</item>
/// <item>when one bar reaches both, the order inside the bar is unknown: an open beyond either level decides
/// (it was hit first); otherwise the stop is assumed first, the pessimistic reading.</item>
/// </list>
/// A trailing stop ratchets only in the position's favour, after the bar's exit check and from the bar's own
/// extreme: for a long, best = max(best, High), stop = max(stop, best × (1 − pct)); for a short, best = min(best,
/// Low), stop = min(stop, best × (1 + pct)). The raised stop applies from the next bar, because within a bar we
/// cannot tell whether its high came before its low. The stop never loosens. Prices are not rounded to a tick;
/// the caller rounds when it sends the order.
/// </summary>
public sealed class ProtectiveStop
{
    private ProtectiveStop(string symbol, PositionType direction, decimal entryPrice, decimal stopPrice, decimal? trailingPercentage, decimal? takeProfit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (entryPrice <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(entryPrice), entryPrice, "The entry price must be positive.");
        }

        if (takeProfit is { } target && (direction == PositionType.Long ? target <= entryPrice : target >= entryPrice))
        {
            throw new ArgumentOutOfRangeException(nameof(takeProfit), takeProfit,
                $"A {direction.ToSeedName()} position's take-profit must be on the profit side of its entry {entryPrice}.");
        }

        Symbol = symbol;
        Direction = direction;
        EntryPrice = entryPrice;
        StopPrice = stopPrice;
        TrailingPercentage = trailingPercentage;
        TakeProfit = takeProfit;
        BestPrice = entryPrice;
    }

    public string Symbol { get; }

    public PositionType Direction { get; }

    public decimal EntryPrice { get; }

    /// <summary>Where the stop stands now; moves only toward the price (up for a long, down for a short).</summary>
    public decimal StopPrice { get; private set; }

    /// <summary>The trailing distance as a fraction of the best price; null for a fixed stop.</summary>
    public decimal? TrailingPercentage { get; }

    public bool IsTrailing => TrailingPercentage is not null;

    public decimal? TakeProfit { get; }

    /// <summary>The best price since the entry: the highest high for a long, the lowest low for a short (the entry at first).</summary>
    public decimal BestPrice { get; private set; }

    /// <summary>The exit, once a bar produced it; the stop takes no more bars after (until <see cref="Rearm"/>).</summary>
    public StopExit? Exit { get; private set; }

    /// <summary>How often an exit's order was refused and the stop re-armed.</summary>
    public int Refusals { get; private set; }

    /// <summary>
    /// The exit's order was refused (a limit, a disconnected account): the position is still open, so the stop stands
    /// again, at the level it had, and the next bar that reaches it exits anew.
    /// </summary>
    public void Rearm()
    {
        if (Exit is null)
        {
            return;
        }

        Exit = null;
        Refusals++;
    }

    /// <summary>A stop at entry × (1 − pct) for a long, entry × (1 + pct) for a short, that never moves.</summary>
    public static ProtectiveStop Fixed(string symbol, PositionType direction, decimal entryPrice, decimal stopLossPercentage, decimal? takeProfit = null) =>
        new(symbol, direction, entryPrice, Level(direction, entryPrice, Percentage(stopLossPercentage, nameof(stopLossPercentage))), null, takeProfit);

    /// <summary>A stop starting at the same distance as <see cref="Fixed"/> that then trails the best price.</summary>
    public static ProtectiveStop Trailing(string symbol, PositionType direction, decimal entryPrice, decimal trailingPercentage, decimal? takeProfit = null) =>
        new(symbol, direction, entryPrice, Level(direction, entryPrice, Percentage(trailingPercentage, nameof(trailingPercentage))), trailingPercentage, takeProfit);

    /// <summary>
    /// The stop a risk profile gives a new position: trailing at trailing_stop_percentage when trailing_stop_enabled
    /// and that is set, else fixed at default_stop_loss_percentage, or at <paramref name="stopLoss"/> (a signal's own
    /// level) when given; without any of them, only a take-profit. Null when there is nothing to watch. A percentage
    /// of 0 means none (the profile's way to turn the stop off: a null column takes the seed's default).
    /// </summary>
    public static ProtectiveStop? ForProfile(
        RiskProfile profile, string symbol, PositionType direction, decimal entryPrice, decimal? takeProfit = null, decimal? stopLoss = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.TrailingStopEnabled && profile.TrailingStopPercentage is > 0m and var trailing)
        {
            return Trailing(symbol, direction, entryPrice, trailing, takeProfit);
        }

        if (stopLoss is { } level)
        {
            return new ProtectiveStop(symbol, direction, entryPrice, level, null, takeProfit);
        }

        if (profile.DefaultStopLossPercentage is > 0m and var fixedPercentage)
        {
            return Fixed(symbol, direction, entryPrice, fixedPercentage, takeProfit);
        }

        // Only a target: a stop that can never trigger (0 for a long, unbounded for a short) keeps one code path.
        return takeProfit is null ? null : new ProtectiveStop(symbol, direction, entryPrice, direction == PositionType.Long ? 0m : decimal.MaxValue, null, takeProfit);
    }

    /// <summary>A stop as stored with its position (after a restart): where it stood, and the best price it followed.</summary>
    public static ProtectiveStop Restore(
        string symbol, PositionType direction, decimal entryPrice, decimal stopPrice, decimal? trailingPercentage, decimal? takeProfit, decimal bestPrice) =>
        new(symbol, direction, entryPrice, stopPrice, trailingPercentage, takeProfit) { BestPrice = bestPrice };

    /// <summary>Whether the stop has a stop level at all (rather than only a take-profit).</summary>
    public bool HasStop => StopPrice is > 0m and < decimal.MaxValue;

    /// <summary>
    /// A bar of the symbol, after the entry: the exit it produces (see the rules above), or null, in which case a
    /// trailing stop ratchets with the bar.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stop already exited.</exception>
    public StopExit? OnBar(in Bar bar)
    {
        if (!string.Equals(bar.Symbol, Symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A bar of {bar.Symbol} fed to the protective stop of {Symbol}.", nameof(bar));
        }

        if (Exit is not null)
        {
            throw new InvalidOperationException($"The protective stop of {Symbol} already exited at {Exit.Price}.");
        }

        var exitSide = Direction == PositionType.Long ? OrderSide.Sell : OrderSide.Buy;
        var stopHit = MatchingRules.IsStopTriggeredByBar(exitSide, StopPrice, bar);
        var targetHit = TakeProfit is { } target && MatchingRules.IsLimitFilledByBar(exitSide, target, bar);
        if (stopHit && (!targetHit || !OpensBeyondTarget(bar.Open)))
        {
            var kind = IsTrailing ? StopExitKind.TrailingStop : StopExitKind.StopLoss;
            Exit = new StopExit(kind, MatchingRules.StopFillPrice(exitSide, StopPrice, bar.Open), bar.End);
            return Exit;
        }

        if (targetHit)
        {
            Exit = new StopExit(StopExitKind.TakeProfit, MatchingRules.LimitFillPrice(exitSide, TakeProfit!.Value, bar.Open), bar.End);
            return Exit;
        }

        Ratchet(bar);
        return null;
    }

    private bool OpensBeyondTarget(decimal open) => Direction == PositionType.Long ? open > TakeProfit : open < TakeProfit;

    private void Ratchet(in Bar bar)
    {
        if (TrailingPercentage is not { } pct)
        {
            return;
        }

        if (Direction == PositionType.Long)
        {
            BestPrice = Math.Max(BestPrice, bar.High);
            StopPrice = Math.Max(StopPrice, BestPrice * (1m - pct));
        }
        else
        {
            BestPrice = Math.Min(BestPrice, bar.Low);
            StopPrice = Math.Min(StopPrice, BestPrice * (1m + pct));
        }
    }

    private static decimal Level(PositionType direction, decimal price, decimal pct) =>
        direction == PositionType.Long ? price * (1m - pct) : price * (1m + pct);

    private static decimal Percentage(decimal pct, string name) =>
        pct is > 0m and < 1m ? pct : throw new ArgumentOutOfRangeException(name, pct, "A stop distance must be a fraction in (0, 1).");
}
