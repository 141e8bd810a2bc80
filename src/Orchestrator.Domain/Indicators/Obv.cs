using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Indicators;

/// <summary>
/// On-balance volume (TA-Lib OBV): starts at the first bar's volume, then adds the bar's volume when the close
/// rises, subtracts it when the close falls and leaves it when the close is unchanged. Lookback 0, so ready
/// after the first bar.
/// </summary>
public sealed class Obv : IBarIndicator
{
    private decimal _previousClose;

    public int WarmUpPeriod => 1;

    public int Samples { get; private set; }

    public bool IsReady => Samples > 0;

    public decimal Value { get; private set; }

    public void Update(Bar bar)
    {
        Samples++;
        if (Samples == 1)
        {
            Value = bar.Volume;
        }
        else if (bar.Close > _previousClose)
        {
            Value += bar.Volume;
        }
        else if (bar.Close < _previousClose)
        {
            Value -= bar.Volume;
        }
        _previousClose = bar.Close;
    }

    public void Reset()
    {
        _previousClose = 0m;
        Samples = 0;
        Value = 0m;
    }
}
