using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>β = Cov(p, b) ÷ Var(b), both sample (n − 1) estimators.</summary>
public sealed class BetaTests
{
    private readonly double[] _benchmark = NormalReturns.Generate(seed: 9, days: 260, 1.0)[0];

    [Fact]
    public void The_benchmark_against_itself_is_exactly_1()
    {
        // Cov(b, b) and Var(b) are the same arithmetic on the same numbers.
        Assert.Equal(1.0, Beta.Of(_benchmark, _benchmark));
    }

    [Fact]
    public void Twice_the_benchmark_is_exactly_2()
    {
        // Doubling is exact in binary: mean(2b) = 2 mean(b), (2b − 2b̄)(b − b̄) = 2 (b − b̄)², so Cov(2b, b) = 2 Var(b).
        var doubled = _benchmark.Select(b => 2 * b).ToArray();
        Assert.Equal(2.0, Beta.Of(doubled, _benchmark));
    }

    [Fact]
    public void A_small_series_by_hand()
    {
        // b = 0.01, −0.02, 0.03, 0.00; p = 0.02, −0.01, 0.01, 0.02.
        // b̄ = 0.02 ÷ 4 = 0.005, p̄ = 0.04 ÷ 4 = 0.01.
        // Σ(p − p̄)(b − b̄) = (0.01)(0.005) + (−0.02)(−0.025) + (0)(0.025) + (0.01)(−0.005) = 0.00005 + 0.0005 + 0 − 0.00005 = 0.0005
        // Σ(b − b̄)² = 0.000025 + 0.000625 + 0.000625 + 0.000025 = 0.0013
        // β = 0.0005 ÷ 0.0013 = 0.38461538461538464 (the n − 1 = 3 cancels).
        Assert.Equal(0.0005 / 0.0013, Beta.Of([0.02, -0.01, 0.01, 0.02], [0.01, -0.02, 0.03, 0.00])!.Value, 1e-12);
    }

    [Fact]
    public void A_flat_benchmark_has_no_beta()
    {
        Assert.Null(Beta.Of([0.01, 0.02, -0.01], [0.0, 0.0, 0.0]));
    }
}
