namespace Orchestrator.Domain.Indicators;

/// <summary>Wilder's true range (TA-Lib TRANGE).</summary>
internal static class TrueRange
{
    /// <summary>TR = max(H − L, |H − C₋₁|, |L − C₋₁|), C₋₁ the previous bar's close.</summary>
    public static decimal Of(decimal high, decimal low, decimal previousClose) =>
        Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));
}
