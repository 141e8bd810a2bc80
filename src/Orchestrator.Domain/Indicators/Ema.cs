namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Exponential moving average with α = 2 / (N + 1): EMAₜ = EMAₜ₋₁ + α (xₜ − EMAₜ₋₁), seeded with the SMA of
/// the first N values (TA-Lib EMA in its default, non-Metastock compatibility). Lookback N − 1, so ready
/// after N values.
/// </summary>
public sealed class Ema : IValueIndicator
{
    private decimal _seedSum;

    public Ema(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        Alpha = 2m / (period + 1);
    }

    public int Period { get; }

    /// <summary>The smoothing factor 2 / (N + 1).</summary>
    public decimal Alpha { get; }

    public int WarmUpPeriod => Period;

    public int Samples { get; private set; }

    public bool IsReady => Samples >= Period;

    public decimal Value { get; private set; }

    public void Update(decimal value)
    {
        Samples++;
        if (Samples < Period)
        {
            _seedSum += value;
        }
        else if (Samples == Period)
        {
            Value = (_seedSum + value) / Period;
        }
        else
        {
            Value += Alpha * (value - Value);
        }
    }

    public void Reset()
    {
        _seedSum = 0m;
        Samples = 0;
        Value = 0m;
    }
}
