namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Rolling z-score: z = (x − mean) / σ over the last N values, the current one included, with the population
/// σ of <see cref="StandardDeviation"/> (not a TA-Lib function; same window and warm-up as its STDDEV).
/// A flat window (σ = 0) gives z = 0. Lookback N − 1, so ready after N values.
/// </summary>
public sealed class ZScore : IValueIndicator
{
    private readonly StandardDeviation _deviation;

    public ZScore(int period)
    {
        _deviation = new StandardDeviation(period);
    }

    public int Period => _deviation.Period;

    public int WarmUpPeriod => _deviation.WarmUpPeriod;

    public int Samples => _deviation.Samples;

    public bool IsReady => _deviation.IsReady;

    public decimal Value { get; private set; }

    /// <summary>The window's mean.</summary>
    public decimal Mean => _deviation.Mean;

    /// <summary>The window's population standard deviation.</summary>
    public decimal StandardDeviation => _deviation.Value;

    public void Update(decimal value)
    {
        _deviation.Update(value);
        Value = IsReady && _deviation.Value != 0m ? (value - _deviation.Mean) / _deviation.Value : 0m;
    }

    public void Reset()
    {
        _deviation.Reset();
        Value = 0m;
    }
}
