using Orchestrator.Domain.Risk.Metrics.Numerics;

namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// The current portfolio replayed over the history: what today's positions would have made or lost each day.
/// </summary>
/// <remarks>
/// Daily P&amp;L on day t = Σᵢ vᵢ × rᵢ(t), with vᵢ today's signed position value (quantity × price) and rᵢ(t) symbol
/// i's simple return that day: the standard historical-simulation P&amp;L of a book held at today's values
/// (Jorion, <i>Value at Risk</i>, 3rd ed., ch. 10). Cash earns nothing here. A multi-day P&amp;L is the sum of the
/// daily ones (<see cref="OverlappingSums"/>): the book is taken as rebalanced to today's values each day, which
/// keeps a window's P&amp;L linear in the positions, as the one-day one is.
/// </remarks>
public static class PortfolioPnl
{
    /// <summary>
    /// pnl[t] = Σᵢ positionValues[i] × returns[i][t], in currency. <paramref name="returns"/> is symbol-major,
    /// one array per position, all of the same length.
    /// </summary>
    public static double[] Daily(ReadOnlySpan<double> positionValues, double[][] returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (positionValues.Length != returns.Length)
        {
            throw new ArgumentException("One return series per position value is needed.", nameof(returns));
        }
        var days = returns.Length == 0 ? 0 : returns[0].Length;
        var pnl = new double[days];
        for (var i = 0; i < returns.Length; i++)
        {
            if (returns[i].Length != days)
            {
                throw new ArgumentException("All return series must have the same length.", nameof(returns));
            }
            VectorOps.Axpy(positionValues[i], returns[i], pnl);
        }
        return pnl;
    }

    /// <summary>
    /// The sum over every run of <paramref name="window"/> consecutive days, all overlapping runs: n − window + 1 of
    /// them, sums[t] = daily[t] + … + daily[t + window − 1]. Empty when there are fewer days than the window.
    /// </summary>
    public static double[] OverlappingSums(ReadOnlySpan<double> daily, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var count = Math.Max(daily.Length - window + 1, 0);
        var sums = new double[count];
        for (var t = 0; t < count; t++)
        {
            // Summed afresh per window rather than as a running sum, so no rounding drifts along the series.
            var sum = 0.0;
            for (var j = 0; j < window; j++)
            {
                sum += daily[t + j];
            }
            sums[t] = sum;
        }
        return sums;
    }
}
