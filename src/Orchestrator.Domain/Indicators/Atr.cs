using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Wilder's average true range (TA-Lib ATR). The first bar only supplies a previous close (TA-Lib gives it no
/// true range); the first ATR is the simple mean of the next N true ranges, then Wilder's smoothing
/// ATR ← (ATR·(N − 1) + TR) / N, with TR = max(H − L, |H − C₋₁|, |L − C₋₁|).
/// Lookback N, so ready after N + 1 bars.
/// </summary>
public sealed class Atr : IBarIndicator
{
    private readonly WilderAverage _average;
    private decimal _previousClose;

    public Atr(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _average = new WilderAverage(period);
    }

    public int Period { get; }

    public int WarmUpPeriod => Period + 1;

    public int Samples { get; private set; }

    public bool IsReady => Samples > Period;

    public decimal Value { get; private set; }

    /// <summary>The latest bar's true range (0 for the first bar).</summary>
    public decimal LastTrueRange { get; private set; }

    public void Update(Bar bar)
    {
        Samples++;
        if (Samples == 1)
        {
            _previousClose = bar.Close;
            return;
        }
        var tr = TrueRange.Of(bar.High, bar.Low, _previousClose);
        _previousClose = bar.Close;
        LastTrueRange = tr;
        _average.Add(tr);
        Value = _average.Value;
    }

    public void Reset()
    {
        _previousClose = 0m;
        _average.Reset();
        Samples = 0;
        Value = LastTrueRange = 0m;
    }
}
