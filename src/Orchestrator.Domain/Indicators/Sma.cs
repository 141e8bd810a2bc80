namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Simple moving average: SMAₜ = (xₜ + xₜ₋₁ + … + xₜ₋ₙ₊₁) / N, kept as a running sum (add the new value,
/// subtract the one leaving the window). TA-Lib SMA; lookback N − 1, so ready after N values.
/// </summary>
public sealed class Sma : IValueIndicator
{
    private readonly RollingWindow _window;
    private decimal _sum;

    public Sma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _window = new RollingWindow(period);
    }

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public int Samples { get; private set; }

    public bool IsReady => _window.IsFull;

    /// <summary>Computed when read: the division is the costly part, and a backtest reads it far less often than it updates.</summary>
    public decimal Value => IsReady ? _sum / Period : 0m;

    /// <summary>The sum of the window (Value × Period once ready): comparisons of averages can cross-multiply instead of dividing.</summary>
    public decimal Sum => _sum;

    public void Update(decimal value)
    {
        Samples++;
        _sum += value - _window.Push(value);
    }

    public void Reset()
    {
        _window.Clear();
        _sum = 0m;
        Samples = 0;
    }
}
