namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Wilder's smoothing as TA-Lib seeds it (RSI's average gain and loss, ATR): the first value is the simple mean
/// of the first N inputs, then avg ← (avg·(N − 1) + x) / N. <see cref="Value"/> is 0 until N inputs arrived.
/// </summary>
internal sealed class WilderAverage(int period)
{
    private decimal _sum;

    public int Count { get; private set; }

    public bool IsReady => Count >= period;

    public decimal Value { get; private set; }

    public void Add(decimal x)
    {
        Count++;
        if (Count < period)
        {
            _sum += x;
        }
        else if (Count == period)
        {
            Value = (_sum + x) / period;
        }
        else
        {
            Value = ((Value * (period - 1)) + x) / period;
        }
    }

    public void Reset()
    {
        _sum = 0m;
        Value = 0m;
        Count = 0;
    }
}
