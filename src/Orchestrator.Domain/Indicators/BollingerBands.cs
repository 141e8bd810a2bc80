namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Bollinger bands (TA-Lib BBANDS with its default simple moving average): Middle = SMA_N, Upper = Middle + k·σ,
/// Lower = Middle − k·σ, σ the population standard deviation of the same N values (see
/// <see cref="StandardDeviation"/>). <see cref="Value"/> is the middle band. Lookback N − 1, so ready after N
/// values.
/// </summary>
public sealed class BollingerBands : IValueIndicator
{
    private readonly StandardDeviation _deviation;

    public BollingerBands(int period = 20, decimal deviationsUp = 2m, decimal deviationsDown = 2m)
    {
        _deviation = new StandardDeviation(period);
        DeviationsUp = deviationsUp;
        DeviationsDown = deviationsDown;
    }

    public int Period => _deviation.Period;

    public decimal DeviationsUp { get; }

    public decimal DeviationsDown { get; }

    public int WarmUpPeriod => _deviation.WarmUpPeriod;

    public int Samples => _deviation.Samples;

    public bool IsReady => _deviation.IsReady;

    /// <summary>The middle band (SMA); 0 until ready.</summary>
    public decimal Value => Middle;

    public decimal Middle => _deviation.Mean;

    public decimal Upper => IsReady ? Middle + DeviationsUp * _deviation.Value : 0m;

    public decimal Lower => IsReady ? Middle - DeviationsDown * _deviation.Value : 0m;

    /// <summary>The population standard deviation of the window.</summary>
    public decimal StandardDeviation => _deviation.Value;

    public void Update(decimal value) => _deviation.Update(value);

    public void Reset() => _deviation.Reset();
}
