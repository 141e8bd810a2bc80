using Orchestrator.Domain.Risk.Metrics;
using Orchestrator.Domain.Risk.Metrics.Numerics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>
/// Monte Carlo VaR: deterministic for a seed, and equal to the parametric figure up to sampling error.
/// </summary>
/// <remarks>
/// Why parametric VaR is the reference: the book is linear, so each simulated P&amp;L vᵀ L z is N(0, vᵀ Σ v), and
/// vᵀ Σ v is exactly the sample variance of the historical daily P&amp;L Σᵢ vᵢ rᵢ(t) (the covariance is bilinear), whose
/// root is the σ of <see cref="ParametricVar"/>. The simulated quantile then differs from z σ only by sampling error:
/// its standard error is √(p(1 − p) ÷ N) ÷ φ(z) in units of σ (the asymptotic variance of a sample quantile). With
/// N = 100,000: at 99 % (p = 0.01, z = 2.3263, φ(z) = 0.026652) √(0.01 × 0.99 ÷ 100000) ÷ 0.026652 = 0.011806σ, i.e.
/// 0.011806 ÷ 2.3263 = 0.51 % of VaR; at 95 % (φ(1.6449) = 0.103136) 0.0066825σ ÷ 1.6449 = 0.41 %. The 3 % bound is
/// six or more standard errors: a miss means a bug (a wrong factor, a wrong sign, a wrong quantile), not bad luck.
/// </remarks>
public sealed class MonteCarloVarTests
{
    private static readonly double[] Values = [100_000, 50_000, -30_000, 20_000];

    private readonly double[][] _returns = NormalReturns.Generate(seed: 42, days: 300, 1.0, 0.6, 1.3, 0.2);

    [Fact]
    public void The_same_seed_gives_the_same_figures()
    {
        var covariance = CovarianceMatrix.FromReturns(_returns);
        var first = MonteCarloVar.Simulate(covariance, Values, 10_000, seed: 7);
        var second = MonteCarloVar.Simulate(covariance, Values, 10_000, seed: 7);
        var other = MonteCarloVar.Simulate(covariance, Values, 10_000, seed: 8);

        Assert.Equal(first.ValueAtRisk(0.99m), second.ValueAtRisk(0.99m));
        Assert.True(first.SortedPnl.SequenceEqual(second.SortedPnl));
        Assert.NotEqual(first.ValueAtRisk(0.99m), other.ValueAtRisk(0.99m));
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.99)]
    public void With_100000_paths_it_is_within_3_percent_of_parametric_var(double level)
    {
        var confidence = (decimal)level;
        var pnl = PortfolioPnl.Daily(Values, _returns);
        var parametric = ParametricVar.OneDay(pnl, confidence);

        var simulated = MonteCarloVar.Simulate(CovarianceMatrix.FromReturns(_returns), Values, 100_000, seed: 2026).ValueAtRisk(confidence);

        Assert.InRange(simulated / parametric, 0.97, 1.03);
    }

    [Fact]
    public void A_duplicated_symbol_makes_a_semidefinite_covariance_that_still_simulates()
    {
        // Symbol 4 is symbol 0 again: Σ is singular (rank 4 of 5), its Cholesky pivot is 0, and the book of
        // 100,000 + 50,000 − 30,000 + 20,000 + 40,000 in them has the same σ as one of 140,000 in symbol 0 and the rest.
        double[][] returns = [.. _returns, _returns[0]];
        double[] values = [.. Values, 40_000];
        var parametric = ParametricVar.OneDay(PortfolioPnl.Daily(values, returns), 0.99m);

        var simulated = MonteCarloVar.Simulate(CovarianceMatrix.FromReturns(returns), values, 100_000, seed: 11).ValueAtRisk(0.99m);

        Assert.InRange(simulated / parametric, 0.97, 1.03);
    }

    [Fact]
    public void The_simulated_variance_is_the_books_variance()
    {
        // The simulated P&Ls' own variance, against vᵀΣv = the historical P&L's sample variance; its relative standard
        // error is √(2 ÷ N) = √(2 ÷ 100000) = 0.45 %, so 3 % is again over six standard errors.
        var covariance = CovarianceMatrix.FromReturns(_returns);
        var book = ParametricVar.StandardDeviation(PortfolioPnl.Daily(Values, _returns));
        var simulated = MonteCarloVar.Simulate(covariance, Values, 100_000, seed: 3);

        var sd = ParametricVar.StandardDeviation(simulated.SortedPnl);

        Assert.InRange(sd / book, 0.97, 1.03);
    }
}
