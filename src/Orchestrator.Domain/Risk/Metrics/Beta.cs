namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// The portfolio's beta to the benchmark: β = Cov(p, b) ÷ Var(b) over the aligned daily returns, both the sample
/// (n − 1) estimators (the n − 1 cancels). The portfolio's daily return is today's book replayed over the history
/// divided by today's portfolio value, p(t) = Σᵢ (vᵢ ÷ V) rᵢ(t) (<see cref="PortfolioPnl.Daily"/> with the weights
/// vᵢ ÷ V for values), so cash counts with a beta of 0 and a book levered 2 : 1 into the benchmark has a beta of 2.
/// Cov(b, b) and Var(b) are the same arithmetic, so the benchmark against itself is exactly 1.
/// </summary>
public static class Beta
{
    /// <summary>β of <paramref name="portfolioReturns"/> on <paramref name="benchmarkReturns"/>; null with fewer than 2 days or a flat benchmark.</summary>
    public static double? Of(ReadOnlySpan<double> portfolioReturns, ReadOnlySpan<double> benchmarkReturns)
    {
        if (portfolioReturns.Length != benchmarkReturns.Length)
        {
            throw new ArgumentException("Both series must cover the same days.", nameof(benchmarkReturns));
        }
        if (benchmarkReturns.Length < 2)
        {
            return null;
        }
        var variance = Covariance(benchmarkReturns, benchmarkReturns);
        return variance > 0 ? Covariance(portfolioReturns, benchmarkReturns) / variance : null;
    }

    /// <summary>Σ(x − x̄)(y − ȳ) ÷ (n − 1), two passes around the means.</summary>
    private static double Covariance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (meanX, meanY) = (Mean(x), Mean(y));
        var sum = 0.0;
        for (var t = 0; t < x.Length; t++)
        {
            sum += (x[t] - meanX) * (y[t] - meanY);
        }
        return sum / (x.Length - 1);
    }

    private static double Mean(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var value in x)
        {
            sum += value;
        }
        return sum / x.Length;
    }
}
