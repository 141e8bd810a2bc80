using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Stochastic oscillator (TA-Lib STOCH with simple moving averages): fast %K = 100·(C − LL) / (HH − LL) over
/// the last <c>fastK</c> bars (HH the highest high, LL the lowest low; 0 when HH = LL, as TA-Lib), slow %K =
/// SMA_slowK(fast %K) (the "slowing"), %D = SMA_slowD(slow %K). <see cref="Value"/> is slow %K.
/// Lookback (fastK − 1) + (slowK − 1) + (slowD − 1), 8 for 5/3/3, so ready after that + 1 bars; %K and %D
/// are both published from then on, as TA-Lib outputs them together.
/// </summary>
public sealed class Stochastic : IBarIndicator
{
    private readonly Highest _highest;
    private readonly Lowest _lowest;
    private readonly Sma _slowK;
    private readonly Sma _slowD;

    public Stochastic(int fastKPeriod = 5, int slowKPeriod = 3, int slowDPeriod = 3)
    {
        _highest = new Highest(fastKPeriod);
        _lowest = new Lowest(fastKPeriod);
        _slowK = new Sma(slowKPeriod);
        _slowD = new Sma(slowDPeriod);
    }

    public int FastKPeriod => _highest.Period;

    public int SlowKPeriod => _slowK.Period;

    public int SlowDPeriod => _slowD.Period;

    public int WarmUpPeriod => FastKPeriod + SlowKPeriod + SlowDPeriod - 2;

    public int Samples { get; private set; }

    public bool IsReady => _slowD.IsReady;

    /// <summary>Slow %K; 0 until ready.</summary>
    public decimal Value => IsReady ? _slowK.Value : 0m;

    /// <summary>Slow %K (the smoothed fast %K); 0 until ready.</summary>
    public decimal K => Value;

    /// <summary>%D, the SMA of slow %K; 0 until ready.</summary>
    public decimal D => _slowD.Value;

    /// <summary>The latest unsmoothed %K; 0 until <c>fastK</c> bars have arrived.</summary>
    public decimal FastK { get; private set; }

    public void Update(Bar bar)
    {
        Samples++;
        _highest.Update(bar.High);
        _lowest.Update(bar.Low);
        if (!_highest.IsReady)
        {
            return;
        }
        var range = _highest.Value - _lowest.Value;
        FastK = range == 0m ? 0m : 100m * (bar.Close - _lowest.Value) / range;
        _slowK.Update(FastK);
        if (_slowK.IsReady)
        {
            _slowD.Update(_slowK.Value);
        }
    }

    public void Reset()
    {
        _highest.Reset();
        _lowest.Reset();
        _slowK.Reset();
        _slowD.Reset();
        Samples = 0;
        FastK = 0m;
    }
}
