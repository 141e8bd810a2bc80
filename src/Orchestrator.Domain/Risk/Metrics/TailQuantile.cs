namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// The one order-statistic rule behind historical VaR, expected shortfall and Monte Carlo VaR.
/// </summary>
/// <remarks>
/// Sort the N P&amp;Ls ascending, x₍₁₎ ≤ … ≤ x₍N₎ (x₍₁₎ the worst), and let k = ⌈N × (1 − α)⌉. Then VaR_α = −x₍k₎: the
/// lower empirical (1 − α)-quantile of P&amp;L, the inverse of the empirical distribution function with no
/// interpolation, Q(p) = x₍⌈Np⌉₎ (Hyndman &amp; Fan, "Sample quantiles in statistical packages", 1996, definition 1).
/// Put plainly: k of the N days (at least a share 1 − α of them) lost VaR or more. For 250 days: 95 % → k = ⌈12.5⌉ =
/// 13 (the 13th worst day), 99 % → k = ⌈2.5⌉ = 3 (the 3rd worst). k is computed in decimal, because in binary
/// 500 × (1 − 0.99) is 5.000000000000004 and would round up to 6.
/// </remarks>
internal static class TailQuantile
{
    /// <summary>k = ⌈count × (1 − confidence)⌉, between 1 and count.</summary>
    public static int Rank(int count, decimal confidence)
    {
        if (confidence is <= 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be in (0, 1).");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)Math.Ceiling(count * (1m - confidence));
    }

    /// <summary>A sorted (ascending) copy: the worst P&amp;L first.</summary>
    public static double[] Sorted(ReadOnlySpan<double> pnl)
    {
        var sorted = pnl.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
