using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching;

/// <summary>
/// The paper exchange's matching rules as small pure functions. The book's rules:
/// <list type="bullet">
/// <item>Priority per side: market orders and triggered stops first (by sequence), then limits and triggered
/// stop-limits, best price first, ties by sequence.</item>
/// <item>Stops trigger on the bar's range: a buy stop when <c>High &gt;= stop</c>, a sell stop when
/// <c>Low &lt;= stop</c> (touching triggers). On a quote or at submit, a buy stop triggers when the price a buy
/// would pay (ask, else the last bar's close) is &gt;= stop; sells mirror with the bid.</item>
/// <item>A triggered stop fills as a market order at <c>max(stop, Open)</c> for a buy and <c>min(stop, Open)</c>
/// for a sell: a gap through the stop fills at the open, otherwise at the stop.</item>
/// <item>A resting limit fills on a bar only when the bar traded strictly through it (buy: <c>Low &lt; limit</c>;
/// sell: <c>High &gt; limit</c>), as Lean does: a touch does not prove our place in the queue was reached.
/// It fills at the limit, or at the open if the bar opened better (buy: <c>min(limit, Open)</c>).</item>
/// <item>At submit and against a quote, a buy limit is marketable when <c>limit &gt;= ask</c> (or the last
/// close): the price is there now, so touching suffices.</item>
/// </list>
/// </summary>
public static class MatchingRules
{
    public static bool IsStopTriggeredByBar(OrderSide side, decimal stop, in Bar bar) =>
        side == OrderSide.Buy ? bar.High >= stop : bar.Low <= stop;

    /// <param name="price">The price the order's side trades at now: the ask for a buy, the bid for a sell (or the last close).</param>
    public static bool IsStopTriggeredAt(OrderSide side, decimal stop, decimal price) =>
        side == OrderSide.Buy ? price >= stop : price <= stop;

    /// <summary>An incoming limit crosses the current price (buy: <c>limit &gt;= ask</c>).</summary>
    public static bool IsMarketable(OrderSide side, decimal limit, decimal price) =>
        side == OrderSide.Buy ? limit >= price : limit <= price;

    /// <summary>A resting limit is filled by a bar that traded strictly through it.</summary>
    public static bool IsLimitFilledByBar(OrderSide side, decimal limit, in Bar bar) =>
        side == OrderSide.Buy ? bar.Low < limit : bar.High > limit;

    /// <summary>A triggered stop's fill: at the stop, or at the open if the bar gapped through it.</summary>
    public static decimal StopFillPrice(OrderSide side, decimal stop, decimal open) =>
        side == OrderSide.Buy ? Math.Max(stop, open) : Math.Min(stop, open);

    /// <summary>A limit's fill in a bar: at the limit, or at <paramref name="reference"/> (the open) when better.</summary>
    public static decimal LimitFillPrice(OrderSide side, decimal limit, decimal reference) =>
        side == OrderSide.Buy ? Math.Min(limit, reference) : Math.Max(limit, reference);

    /// <summary>Slippage never takes a limit order beyond its limit.</summary>
    public static decimal CapAtLimit(OrderSide side, decimal price, decimal? limit) => limit switch
    {
        null => price,
        { } l => side == OrderSide.Buy ? Math.Min(price, l) : Math.Max(price, l),
    };
}
