namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// How much the positions' P&amp;Ls move together: the exposure-weighted average pairwise correlation of the positions'
/// P&amp;L over the most recent days (60 by default), a number in [−1, 1].
/// </summary>
/// <remarks>
/// <para>CR = Σᵢ≠ⱼ vᵢ vⱼ ρᵢⱼ ÷ Σᵢ≠ⱼ |vᵢ| |vⱼ|, with ρᵢⱼ the Pearson correlation of symbols i and j's daily returns over
/// the window and vᵢ the signed position values. vᵢ vⱼ ρᵢⱼ = |vᵢ| |vⱼ| × (sᵢ sⱼ ρᵢⱼ), and sᵢ sⱼ ρᵢⱼ (s the sign) is the
/// correlation of the two <i>positions'</i> P&amp;Ls, so CR is the |v|-weighted mean of those: 1 when every position
/// gains and loses together (no diversification), 0 when they are uncorrelated, negative when they hedge one another
/// (long one stock, short a stock that moves with it). Each pair is weighted by the product of its exposures, so
/// large pairs dominate as they dominate the risk.</para>
/// <para>Computed without forming the n × n matrix: with zᵢ(t) = (rᵢ(t) − r̄ᵢ) ÷ √Σₜ(rᵢ(t) − r̄ᵢ)², ρᵢⱼ = Σₜ zᵢ(t) zⱼ(t),
/// so Σᵢ≠ⱼ vᵢ vⱼ ρᵢⱼ = Σₜ (Σᵢ vᵢ zᵢ(t))² − Σᵢ vᵢ², and Σᵢ≠ⱼ |vᵢ| |vⱼ| = (Σᵢ |vᵢ|)² − Σᵢ vᵢ². A symbol whose price did
/// not move in the window has no correlation and is left out; with fewer than two positions left, CR is undefined.</para>
/// </remarks>
public static class CorrelationRisk
{
    /// <summary>
    /// CR over the last <paramref name="windowDays"/> of <paramref name="returns"/> (all of them if fewer, at least 2);
    /// null when fewer than two positions have a non-zero value and a moving price.
    /// </summary>
    public static double? Of(ReadOnlySpan<double> positionValues, double[][] returns, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 2);
        if (positionValues.Length != returns.Length)
        {
            throw new ArgumentException("One return series per position value is needed.", nameof(returns));
        }
        var days = returns.Length == 0 ? 0 : returns[0].Length;
        var window = Math.Min(windowDays, days);
        if (window < 2)
        {
            return null;
        }

        var combined = new double[window];
        var (included, sumAbs, sumSquares) = (0, 0.0, 0.0);
        for (var i = 0; i < returns.Length; i++)
        {
            var value = positionValues[i];
            var recent = returns[i].AsSpan(days - window, window);
            var mean = 0.0;
            foreach (var r in recent)
            {
                mean += r;
            }
            mean /= window;
            var squares = 0.0;
            foreach (var r in recent)
            {
                squares += (r - mean) * (r - mean);
            }
            if (value == 0 || squares == 0)
            {
                continue;
            }
            var scale = value / Math.Sqrt(squares);
            for (var t = 0; t < window; t++)
            {
                combined[t] += scale * (recent[t] - mean);
            }
            included++;
            sumAbs += Math.Abs(value);
            sumSquares += value * value;
        }
        if (included < 2)
        {
            return null;
        }

        var together = 0.0;
        foreach (var s in combined)
        {
            together += s * s;
        }
        return (together - sumSquares) / (sumAbs * sumAbs - sumSquares);
    }
}
