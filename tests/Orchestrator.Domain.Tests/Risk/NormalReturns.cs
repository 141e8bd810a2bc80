namespace Orchestrator.Domain.Tests.Risk;

/// <summary>
/// Seeded, normal-ish daily returns for tests that need a realistic covariance: one market factor f ~ N(0, 0.01²) and
/// per-symbol noise ε ~ N(0, 0.015²), rᵢ = βᵢ f + εᵢ, with normals from <see cref="Random"/> by Box–Muller.
/// </summary>
internal static class NormalReturns
{
    public static double[][] Generate(int seed, int days, params double[] betas)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var market = Enumerable.Range(0, days).Select(_ => 0.01 * Normal()).ToArray();
        return [.. betas.Select(beta => market.Select(f => beta * f + 0.015 * Normal()).ToArray())];
    }
}
