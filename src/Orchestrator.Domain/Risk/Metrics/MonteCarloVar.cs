using Orchestrator.Domain.Risk.Metrics.Numerics;

namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Monte Carlo one-day VaR: simulate correlated normal daily returns from the sample covariance of the history, value
/// today's book on each path, and read VaR off the simulated P&amp;Ls with the same order statistic as the historical
/// figure (<see cref="TailQuantile"/>: k = ⌈N(1 − α)⌉, VaR = −x₍k₎).
/// </summary>
/// <remarks>
/// <para><b>A path.</b> Draw z, n independent N(0, 1) (<see cref="GaussianSampler"/>); the symbols' returns are
/// r = L z ~ N(0, Σ), with L the Cholesky factor of the n × n sample covariance Σ (<see cref="Cholesky"/>); the P&amp;L is
/// vᵀ r, v today's signed position values. It is evaluated as (Lᵀ v)ᵀ z, the same number by associativity
/// (vᵀ(L z) = (Lᵀ v)ᵀ z), with Lᵀ v formed once: n multiply-adds per path instead of the n²/2 that forming r would take
/// (1.25 billion for 10,000 paths of 500 symbols, for returns nothing else reads). The mean return is taken as 0, as in
/// <see cref="ParametricVar"/>.</para>
/// <para><b>What it checks.</b> The book is linear in the returns, so the simulated P&amp;L is exactly N(0, vᵀΣv): the
/// parametric figure's distribution. The two differ only by sampling error (at 99 % with 100,000 paths, a standard
/// error of about 0.5 % of VaR), so the simulation cross-checks the covariance, factor and sampling machinery, and will
/// differ from parametric VaR in substance only once non-linear positions (options) are priced per path.</para>
/// <para><b>Determinism.</b> Paths run in blocks of <see cref="BlockPaths"/> spread over the cores; block b draws from
/// its own stream (seed, b) of <see cref="Xoshiro256StarStar"/> and writes only its own paths, so a seed gives the same
/// figures whatever the number of threads or their timing.</para>
/// </remarks>
public sealed class MonteCarloVar
{
    /// <summary>Paths per block (and per random stream).</summary>
    public const int BlockPaths = 1024;

    private readonly double[] _sortedPnl;

    private MonteCarloVar(double[] sortedPnl) => _sortedPnl = sortedPnl;

    /// <summary>Number of simulated paths.</summary>
    public int Paths => _sortedPnl.Length;

    /// <summary>The simulated one-day P&amp;Ls, worst first.</summary>
    public ReadOnlySpan<double> SortedPnl => _sortedPnl;

    /// <summary>One-day VaR at <paramref name="confidence"/>: −x₍k₎ of the simulated P&amp;Ls, k = ⌈paths × (1 − α)⌉.</summary>
    public double ValueAtRisk(decimal confidence) => -_sortedPnl[TailQuantile.Rank(Paths, confidence) - 1];

    /// <summary>
    /// Simulates <paramref name="paths"/> one-day P&amp;Ls of the book <paramref name="positionValues"/> (in the order of
    /// the covariance's rows) under <paramref name="covariance"/>, from <paramref name="seed"/>.
    /// </summary>
    public static MonteCarloVar Simulate(CovarianceMatrix covariance, ReadOnlySpan<double> positionValues, int paths, int seed)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        var n = covariance.Size;
        if (positionValues.Length != n)
        {
            throw new ArgumentException("One position value per covariance row is needed.", nameof(positionValues));
        }

        // a = Lᵀ v, accumulated row by row of L: a[0..i] += vᵢ × L[i, 0..i].
        var lower = Cholesky.Lower(covariance);
        var loadings = new double[n];
        for (var i = 0; i < n; i++)
        {
            VectorOps.Axpy(positionValues[i], lower.AsSpan(i * n, i + 1), loadings);
        }

        var pnl = new double[paths];
        var blocks = (paths + BlockPaths - 1) / BlockPaths;
        Parallel.For(0, blocks, block =>
        {
            var random = new Xoshiro256StarStar(seed, block);
            var sampler = new GaussianSampler((n + 1) / 2);
            var normals = new double[sampler.Count];
            var end = Math.Min(paths, (block + 1) * BlockPaths);
            for (var p = block * BlockPaths; p < end; p++)
            {
                sampler.Fill(ref random, normals);
                pnl[p] = VectorOps.Dot(loadings, normals.AsSpan(0, n));
            }
        });
        Array.Sort(pnl);
        return new MonteCarloVar(pnl);
    }
}
