namespace Orchestrator.Domain.Risk.Metrics.Numerics;

/// <summary>
/// The lower-triangular L with L Lᵀ = Σ, for drawing correlated normals: if z ~ N(0, I) then L z ~ N(0, Σ).
/// </summary>
/// <remarks>
/// Row by row (Cholesky–Banachiewicz): Lᵢⱼ = (Σᵢⱼ − Σₖ₍ₖ&lt;ⱼ₎ Lᵢₖ Lⱼₖ) ÷ Lⱼⱼ for j &lt; i, Lᵢᵢ = √(Σᵢᵢ − Σₖ₍ₖ&lt;ᵢ₎ Lᵢₖ²)
/// (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., §4.2). A sample covariance is only positive
/// <i>semi</i>-definite: a symbol that is a combination of earlier ones (the same stock twice, more symbols than days)
/// leaves a pivot of zero, or a hair below it after rounding, where a textbook factorization would stop. Here a pivot
/// below <see cref="RelativePivotTolerance"/> × Σᵢᵢ (under a ten-billionth of that symbol's variance left unexplained
/// by the symbols before it) becomes 0, and so does the rest of that column: the symbol's simulated return is then
/// fully the combination of the earlier ones it is, and L Lᵀ still reproduces Σ to that tolerance.
/// </remarks>
public static class Cholesky
{
    /// <summary>Pivots under this share of the diagonal entry count as zero.</summary>
    public const double RelativePivotTolerance = 1e-10;

    /// <summary>L, row-major n × n with zeros above the diagonal.</summary>
    public static double[] Lower(CovarianceMatrix covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.Size;
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var sigma = covariance.Row(i);
            var rowI = l.AsSpan(i * n, n);
            for (var j = 0; j < i; j++)
            {
                var diagonal = l[j * n + j];
                rowI[j] = diagonal == 0 ? 0 : (sigma[j] - VectorOps.Dot(rowI[..j], l.AsSpan(j * n, j))) / diagonal;
            }
            var pivot = sigma[i] - VectorOps.Dot(rowI[..i], rowI[..i]);
            rowI[i] = pivot > RelativePivotTolerance * sigma[i] ? Math.Sqrt(pivot) : 0;
        }
        return l;
    }
}
