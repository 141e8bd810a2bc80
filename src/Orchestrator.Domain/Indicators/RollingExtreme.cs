namespace Orchestrator.Domain.Indicators;

/// <summary>
/// The maximum or minimum of the last N values (TA-Lib MAX/MIN; lookback N − 1, so ready after N values), in
/// amortised O(1) per value with a monotonic deque (<see cref="MonotonicDeque"/>). <see cref="Highest"/> and
/// <see cref="Lowest"/> are its two faces.
/// </summary>
public abstract class RollingExtreme : IValueIndicator
{
    private readonly MonotonicDeque _deque;

    protected RollingExtreme(int period, bool maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _deque = new MonotonicDeque(period, maximum);
    }

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public int Samples { get; private set; }

    public bool IsReady => Samples >= Period;

    /// <summary>The extreme of the window; 0 until ready.</summary>
    public decimal Value => IsReady ? _deque.Extreme : 0m;

    /// <summary>How many values ago the extreme arrived (0 = the latest; the most recent one on ties).</summary>
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
