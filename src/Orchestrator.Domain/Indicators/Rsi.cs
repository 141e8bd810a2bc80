namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Wilder's relative strength index (TA-Lib RSI, default compatibility). With changes dₜ = xₜ − xₜ₋₁,
/// gain = max(d, 0) and loss = max(−d, 0): the first average gain and loss are the simple means of the first
/// N changes; after that Wilder's smoothing avg ← (avg·(N − 1) + current) / N. RSI = 100 · avgGain /
/// (avgGain + avgLoss), and 0 when both averages are 0 (TA-Lib's choice for a flat series).
/// Lookback N, so ready after N + 1 values.
/// </summary>
public sealed class Rsi : IValueIndicator
{
    private readonly WilderAverage _gain;
    private readonly WilderAverage _loss;
    private decimal _previous;

    public Rsi(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _gain = new WilderAverage(period);
        _loss = new WilderAverage(period);
    }

    public int Period { get; }

    public int WarmUpPeriod => Period + 1;

    public int Samples { get; private set; }

    public bool IsReady => Samples > Period;

    public decimal Value { get; private set; }

    /// <summary>The current (Wilder-smoothed) average gain; meaningful once ready.</summary>
    public decimal AverageGain => _gain.Value;

    /// <summary>The current (Wilder-smoothed) average loss; meaningful once ready.</summary>
    public decimal AverageLoss => _loss.Value;

    public void Update(decimal value)
    {
        Samples++;
        if (Samples == 1)
        {
            _previous = value;
            return;
        }
        var change = value - _previous;
        _previous = value;
        _gain.Add(change > 0m ? change : 0m);
        _loss.Add(change < 0m ? -change : 0m);
        if (!_gain.IsReady)
        {
            return;
        }

        var total = _gain.Value + _loss.Value;
        Value = total == 0m ? 0m : 100m * _gain.Value / total;
    }

    public void Reset()
    {
        _previous = 0m;
        _gain.Reset();
        _loss.Reset();
        Samples = 0;
        Value = 0m;
    }
}
