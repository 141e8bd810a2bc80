namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// A position that cannot be exited within the allowed days at the allowed share of volume (see <see cref="Liquidity"/>),
/// or whose volume is unknown (then <paramref name="AverageDailyVolume"/>, <paramref name="FractionOfAdv"/> and
/// <paramref name="DaysToLiquidate"/> are null).
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="PositionShares">|quantity|: a short is as hard to cover as a long is to sell.</param>
/// <param name="AverageDailyVolume">Average daily volume in shares.</param>
/// <param name="FractionOfAdv">PositionShares ÷ AverageDailyVolume.</param>
/// <param name="DaysToLiquidate">PositionShares ÷ (participation × AverageDailyVolume), not rounded.</param>
public sealed record IlliquidPosition(
    string Symbol,
    decimal PositionShares,
    decimal? AverageDailyVolume,
    decimal? FractionOfAdv,
    decimal? DaysToLiquidate);
