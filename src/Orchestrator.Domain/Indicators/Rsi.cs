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
    private decimal _previous;
    private decimal _gain;
    private decimal _loss;

    public Rsi(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    public int WarmUpPeriod => Period + 1;

    public int Samples { get; private set; }

    public bool IsReady => Samples > Period;

    public decimal Value { get; private set; }

    /// <summary>The current (Wilder-smoothed) average gain; meaningful once ready.</summary>
    public decimal AverageGain => _gain;

    /// <summary>The current (Wilder-smoothed) average loss; meaningful once ready.</summary>
    public decimal AverageLoss => _loss;

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
        var gain = change > 0m ? change : 0m;
        var loss = change < 0m ? -change : 0m;
        if (Samples <= Period)
        {
            _gain += gain;
            _loss += loss;
            return;
        }
        if (Samples == Period + 1)
        {
            _gain = (_gain + gain) / Period;
            _loss = (_loss + loss) / Period;
        }
        else
        {
            _gain = (_gain * (Period - 1) + gain) / Period;
            _loss = (_loss * (Period - 1) + loss) / Period;
        }
        var total = _gain + _loss;
        Value = total == 0m ? 0m : 100m * _gain / total;
    }

    public void Reset()
    {
        _previous = 0m;
        _gain = 0m;
        _loss = 0m;
        Samples = 0;
        Value = 0m;
    }
}
