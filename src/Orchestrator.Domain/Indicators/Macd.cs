namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Moving average convergence/divergence (TA-Lib MACD): MACD = EMA_fast − EMA_slow, Signal = EMA_signal(MACD),
/// Histogram = MACD − Signal; <see cref="Value"/> is the MACD line. As in TA-Lib both EMAs produce their first
/// value at the same input (the slow period's): the fast EMA is seeded with the SMA of the <c>fast</c> values
/// ending there, not of the first <c>fast</c> values, so it ignores the first slow − fast inputs.
/// Lookback (slow − 1) + (signal − 1), i.e. 33 for 12/26/9, so ready after slow + signal − 1 = 34 values.
/// </summary>
public sealed class Macd : IValueIndicator
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;

    public Macd(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        // TA-Lib swaps the periods when the "slow" one is shorter.
        if (slowPeriod < fastPeriod)
        {
            (fastPeriod, slowPeriod) = (slowPeriod, fastPeriod);
        }
        FastPeriod = fastPeriod;
        SlowPeriod = slowPeriod;
        SignalPeriod = signalPeriod;
        _fast = new Ema(fastPeriod);
        _slow = new Ema(slowPeriod);
        _signal = new Ema(signalPeriod);
    }

    public int FastPeriod { get; }

    public int SlowPeriod { get; }

    public int SignalPeriod { get; }

    public int WarmUpPeriod => SlowPeriod + SignalPeriod - 1;

    public int Samples { get; private set; }

    public bool IsReady => _signal.IsReady;

    /// <summary>The MACD line, EMA_fast − EMA_slow; 0 until ready.</summary>
    public decimal Value { get; private set; }

    /// <summary>The signal line, EMA_signal of the MACD line; 0 until ready.</summary>
    public decimal Signal { get; private set; }

    /// <summary>MACD − Signal; 0 until ready.</summary>
    public decimal Histogram { get; private set; }

    public void Update(decimal value)
    {
        Samples++;
        if (Samples > SlowPeriod - FastPeriod)
        {
            _fast.Update(value);
        }
        _slow.Update(value);
        if (!_slow.IsReady)
        {
            return;
        }
        var line = _fast.Value - _slow.Value;
        _signal.Update(line);
        if (_signal.IsReady)
        {
            Value = line;
            Signal = _signal.Value;
            Histogram = line - Signal;
        }
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        Samples = 0;
        Value = Signal = Histogram = 0m;
    }
}
