namespace Orchestrator.Domain.Matching;

/// <summary>
/// Whether a fill took liquidity (an incoming order crossing the market: market, stop, marketable limit) or
/// provided it (a resting limit the market came to). Fee schedules and slippage depend on it.
/// </summary>
public enum Liquidity
{
    Aggressive,
    Passive,
}

public static class LiquidityExtensions
{
    /// <summary>The seed's <c>order_fills.liquidity_indicator</c>: 'A' aggressive, 'P' passive.</summary>
    public static char ToSeedCode(this Liquidity liquidity) => liquidity == Liquidity.Passive ? 'P' : 'A';
}
