namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Linearly weighted moving average: WMAₜ = (N·xₜ + (N−1)·xₜ₋₁ + … + 1·xₜ₋ₙ₊₁) / (N(N+1)/2) (TA-Lib WMA;
/// lookback N − 1, so ready after N values). O(1): with S the plain sum and W the weighted sum of the window,
/// a new value x (oldest o leaving) gives W ← W + N·x − S and S ← S + x − o, since every remaining value's
/// weight drops by one.
/// </summary>
public sealed class Wma : IValueIndicator
{
    private readonly RollingWindow _window;
    private readonly decimal _divisor;
    private decimal _sum;
    private decimal _weighted;

    public Wma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _window = new RollingWindow(period);
        _divisor = period * (period + 1) / 2m;
    }

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public int Samples { get; private set; }

    public bool IsReady => _window.IsFull;

    public decimal Value { get; private set; }

    public void Update(decimal value)
    {
        Samples++;
        if (_window.IsFull)
        {
            _weighted += Period * value - _sum;
            _sum += value - _window.Push(value);
        }
        else
        {
            _window.Push(value);
            // While filling, the k-th value gets weight k and the earlier ones keep theirs.
            _weighted += _window.Count * value;
            _sum += value;
        }
        Value = IsReady ? _weighted / _divisor : 0m;
    }

    public void Reset()
    {
        _window.Clear();
        _sum = 0m;
        _weighted = 0m;
        Samples = 0;
        Value = 0m;
    }
}
