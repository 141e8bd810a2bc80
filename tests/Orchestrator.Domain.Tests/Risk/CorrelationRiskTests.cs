using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>CR = Σᵢ≠ⱼ vᵢ vⱼ ρᵢⱼ ÷ Σᵢ≠ⱼ |vᵢ| |vⱼ| over the last window of daily returns.</summary>
public sealed class CorrelationRiskTests
{
    /// <remarks>
    /// <code>
    /// A:  0.01 −0.02  0.03  0.00 −0.01   mean 0.002   Σ(x − x̄)² = 37/25000
    /// B:  0.02 −0.01  0.02  0.01 −0.02   mean 0.004   Σ(x − x̄)² = 33/25000
    /// C: −0.01  0.01 −0.02  0.00  0.02   mean 0       Σ(x − x̄)² = 25/25000
    /// S_AB = 29/25000, S_AC = −27.5/25000, S_BC = −27.5/25000 (python3 fractions)
    /// ρ_AB = 29 ÷ √(37 × 33) = 29 ÷ √1221 = 0.8299275201966066
    /// ρ_AC = −27.5 ÷ √(37 × 25) = −27.5 ÷ √925 = −0.9041944301794651
    /// ρ_BC = −27.5 ÷ √(33 × 25) = −27.5 ÷ √825 = −0.9574271077563381
    /// v = A 10,000, B 20,000, C −10,000:
    /// numerator   = 2 × (2e8 × 0.8299275201966066 + (−1e8)(−0.9041944301794651) + (−2e8)(−0.9574271077563381))
    ///             = 2 × (165,985,504.04 + 90,419,443.02 + 191,485,421.55) = 2 × 447,890,368.61
    /// denominator = 2 × (2e8 + 1e8 + 2e8) = 2 × 5e8
    /// CR = 447,890,368.60853547 ÷ 500,000,000 = 0.8957807372170709
    /// </code>
    /// C is short and moves against A and B, so its P&amp;L moves with theirs: the book is barely diversified.
    /// The first two days of each series fall outside the 5-day window and must not count.
    /// </remarks>
    [Fact]
    public void Exposure_weighted_average_pairwise_correlation_by_hand()
    {
        double[][] returns =
        [
            [0.5, -0.4, 0.01, -0.02, 0.03, 0.00, -0.01],
            [-0.3, 0.9, 0.02, -0.01, 0.02, 0.01, -0.02],
            [0.2, 0.2, -0.01, 0.01, -0.02, 0.00, 0.02],
        ];

        var risk = CorrelationRisk.Of([10_000, 20_000, -10_000], returns, windowDays: 5);

        Assert.Equal(0.8957807372170709, risk!.Value, 1e-12);
    }

    [Fact]
    public void A_long_and_a_short_in_the_same_returns_hedge_perfectly()
    {
        // ρ = 1, v = +50,000 and −50,000: (2 × 50,000 × (−50,000) × 1) ÷ (2 × 50,000 × 50,000) = −1.
        var a = NormalReturns.Generate(seed: 1, days: 60, 1.0)[0];
        Assert.Equal(-1.0, CorrelationRisk.Of([50_000, -50_000], [a, a], 60)!.Value, 1e-12);
    }

    [Fact]
    public void One_position_or_a_flat_price_has_no_correlation_risk()
    {
        var a = NormalReturns.Generate(seed: 1, days: 60, 1.0)[0];
        Assert.Null(CorrelationRisk.Of([50_000], [a], 60));
        Assert.Null(CorrelationRisk.Of([50_000, 10_000], [a, new double[60]], 60));
    }
}
