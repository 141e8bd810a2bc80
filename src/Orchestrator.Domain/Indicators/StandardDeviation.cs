namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Rolling population standard deviation over N values (TA-Lib STDDEV with nbDev = 1): σ = √(Σx²/N − (Σx/N)²),
/// from running sums of x and x² (O(1) per value). The variance is exact decimal arithmetic up to the final
/// division; only the square root goes through double and is then refined in decimal
/// (<see cref="DecimalMath.Sqrt"/>). <see cref="Mean"/> and <see cref="Variance"/> are exposed too.
/// Lookback N − 1, so ready after N values.
/// </summary>
public sealed class StandardDeviation : IValueIndicator
{
    private readonly RollingWindow _window;
    private decimal _sum;
    private decimal _sumOfSquares;

    public StandardDeviation(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _window = new RollingWindow(period);
    }

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public int Samples { get; private set; }

    public bool IsReady => _window.IsFull;

    /// <summary>The population standard deviation of the window; 0 until ready.</summary>
    public decimal Value { get; private set; }

    /// <summary>The mean of the window (the SMA); 0 until ready.</summary>
    public decimal Mean { get; private set; }

    /// <summary>The population variance Σx²/N − mean²; 0 until ready.</summary>
    public decimal Variance { get; private set; }

    public void Update(decimal value)
    {
        Samples++;
        var dropped = _window.Push(value);
        _sum += value - dropped;
        _sumOfSquares += value * value - dropped * dropped;
        if (!IsReady)
        {
            return;
        }
        Mean = _sum / Period;
        // Rounding in the divisions can leave a flat window's variance a hair below zero.
        Variance = Math.Max(0m, _sumOfSquares / Period - Mean * Mean);
        Value = DecimalMath.Sqrt(Variance);
    }

    public void Reset()
    {
        _window.Clear();
        _sum = _sumOfSquares = 0m;
        Samples = 0;
        Value = Mean = Variance = 0m;
    }
}
