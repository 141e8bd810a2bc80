using static System.FormattableString;

namespace Orchestrator.Domain.Matching.Slippage;

/// <summary>
/// The one rule for which slippage models may run, shared by the CLI's <c>--slippage</c>, the API's
/// <c>slippage</c> and <see cref="Backtesting.BacktestSettings.Validate"/>. A sell fills at the price less the
/// slippage, so a move of the whole price (a fraction of 1 or more) makes a fill price of zero or below,
/// which no order accepts; half the price is already far beyond any real market, and is the bound the seed's
/// <c>backtest_config.slippage</c> has always had.
/// </summary>
public static class SlippageBounds
{
    /// <summary>The most a slipped fill may move from the price, as a fraction of it.</summary>
    public const decimal MaxFraction = 0.5m;

    /// <summary>Null when <paramref name="model"/> may run; otherwise what is out of range and the allowed range.</summary>
    public static string? Check(ISlippageModel model) => model switch
    {
        FixedSlippageModel m when m.Fraction is < 0m or > MaxFraction =>
            Invariant($"{m.Fraction} is out of range: a fraction of the price from 0 to {MaxFraction}"),
        VolumeShareSlippageModel m when m.VolumeLimit is <= 0m or > 1m =>
            Invariant($"limit:{m.VolumeLimit} is out of range: a share of the bar's volume above 0 and at most 1"),
        // The largest move is price x impact x limit² (the share is capped at the limit).
        VolumeShareSlippageModel m when m.PriceImpact < 0m || m.PriceImpact * m.VolumeLimit * m.VolumeLimit > MaxFraction =>
            Invariant($"volume-share:{m.PriceImpact} is out of range: IMPACT x LIMIT² (the largest move, a fraction of the price) must be from 0 to {MaxFraction}"),
        _ => null,
    };
}
