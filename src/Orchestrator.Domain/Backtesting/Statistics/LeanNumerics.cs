namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>Lean's small numeric helpers that its statistics pass values through (Lean, <c>Common/Extensions.cs</c>).</summary>
internal static class LeanNumerics
{
    /// <summary>
    /// Lean's <c>SmartRounding</c>, applied to every benchmark sample (<c>BaseResultsHandler.GetBenchmarkValue</c>):
    /// above 1,000 round to 4 decimal places, otherwise to 7 significant digits.
    /// </summary>
    public static decimal SmartRounding(decimal value) =>
        value > 1000m ? Math.Round(value, 4) : RoundToSignificantDigits(value, 7);

    /// <summary>Lean's <c>RoundToSignificantDigits</c>: scale by the power of ten above the value, round, scale back.</summary>
    public static decimal RoundToSignificantDigits(decimal value, int digits)
    {
        if (value == 0)
        {
            return 0;
        }
        var scale = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)Math.Abs(value))) + 1);
        return scale * Math.Round(value / scale, digits);
    }

    /// <summary>
    /// Lean's <c>SafeDecimalCast</c>: a double to decimal, clamped to decimal's range. Like Lean, NaN and infinity are
    /// errors here; callers that expect them check first.
    /// </summary>
    public static decimal SafeDecimalCast(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentException($"Cannot convert {value} to decimal.", nameof(value));
        }
        if (value <= (double)decimal.MinValue)
        {
            return decimal.MinValue;
        }
        if (value >= (double)decimal.MaxValue)
        {
            return decimal.MaxValue;
        }
        return (decimal)value;
    }

    /// <summary>Lean's <c>IsNaNOrZero</c>.</summary>
    public static bool IsNaNOrZero(double value) => double.IsNaN(value) || Math.Abs(value) < double.Epsilon;
}
