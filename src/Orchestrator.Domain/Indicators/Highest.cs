namespace Orchestrator.Domain.Indicators;

/// <summary>
/// The maximum of the last N values (TA-Lib MAX; lookback N − 1, so ready after N values), in amortised O(1)
/// per value with a monotonic deque (<see cref="MonotonicDeque"/>).
/// </summary>
public sealed class Highest : IValueIndicator
{
    private readonly MonotonicDeque _deque;

    public Highest(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _deque = new MonotonicDeque(period, maximum: true);
    }

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public int Samples { get; private set; }

    public bool IsReady => Samples >= Period;

    /// <summary>The maximum of the window; 0 until ready.</summary>
    public decimal Value => IsReady ? _deque.Extreme : 0m;

    /// <summary>How many values ago the maximum arrived (0 = the latest; the most recent one on ties).</summary>
    public int Age => Samples == 0 ? 0 : _deque.Age;

    public void Update(decimal value)
    {
        Samples++;
        _deque.Push(value);
    }

    public void Reset()
    {
        _deque.Clear();
        Samples = 0;
    }
}
