using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using Orchestrator.Domain.Risk.Metrics.Numerics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>The vectorized covariance and Cholesky factor against MathNet's, and the semidefinite case MathNet refuses.</summary>
public sealed class CovarianceAndCholeskyTests
{
    private readonly double[][] _returns = NormalReturns.Generate(seed: 5, days: 257, 1.0, 0.5, 1.5, 0.8, 1.1, 0.3, 0.9);

    [Fact]
    public void Covariance_matches_mathnets_sample_covariance()
    {
        var covariance = CovarianceMatrix.FromReturns(_returns);

        for (var i = 0; i < _returns.Length; i++)
        {
            for (var j = 0; j < _returns.Length; j++)
            {
                var expected = _returns[i].Covariance(_returns[j]);
                Assert.Equal(expected, covariance[i, j], Math.Abs(expected) * 1e-12 + 1e-18);
            }
        }
    }

    [Fact]
    public void A_positive_definite_factor_matches_mathnets()
    {
        var covariance = CovarianceMatrix.FromReturns(_returns);
        var n = covariance.Size;
        var expected = Matrix<double>.Build.Dense(n, n, (i, j) => covariance[i, j]).Cholesky().Factor;

        var lower = Cholesky.Lower(covariance);

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(expected[i, j], lower[i * n + j], 1e-14);
            }
        }
    }

    [Fact]
    public void A_semidefinite_matrix_gets_a_zero_pivot_and_still_reproduces_itself()
    {
        // Series 3 = 2 × series 0 − series 1: a combination of earlier ones, so its pivot is 0 (MathNet throws).
        var combined = _returns[0].Zip(_returns[1], (a, b) => 2 * a - b).ToArray();
        double[][] returns = [_returns[0], _returns[1], _returns[2], combined];
        var covariance = CovarianceMatrix.FromReturns(returns);

        var lower = Cholesky.Lower(covariance);

        Assert.Equal(0.0, lower[3 * 4 + 3]);
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                var product = 0.0;
                for (var k = 0; k < 4; k++)
                {
                    product += lower[i * 4 + k] * lower[j * 4 + k];
                }
                Assert.Equal(covariance[i, j], product, 1e-12 * covariance[3, 3]);
            }
        }
    }
}
