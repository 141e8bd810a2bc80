using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Wilder's average directional index, following TA-Lib ADX step by step. Per bar after the first:
/// up = H − H₋₁, down = L₋₁ − L; +DM = up if up &gt; down and up &gt; 0, else 0; −DM = down if down &gt; up and
/// down &gt; 0, else 0; TR the true range. Bars 2..N sum N − 1 of each; from bar N + 1 on each sum is Wilder-smoothed
/// as S ← S − S/N + current, and +DI = 100·S(+DM)/S(TR), −DI = 100·S(−DM)/S(TR),
/// DX = 100·|+DI − −DI| / (+DI + −DI). The first ADX is the mean of the N DX values of bars N + 1..2N; then
/// ADX ← (ADX·(N − 1) + DX) / N. As TA-Lib, a bar whose smoothed TR or DI sum is 0 adds no DX (and leaves ADX
/// unchanged). Lookback 2N − 1 (27 for N = 14), so ready after 2N bars; ±DI are available after N + 1 bars
/// (TA-Lib PLUS_DI/MINUS_DI's lookback N).
/// </summary>
public sealed class Adx : IBarIndicator
{
    private decimal _previousHigh;
    private decimal _previousLow;
    private decimal _previousClose;
    private decimal _plusDm;
    private decimal _minusDm;
    private decimal _tr;
    private decimal _dxSum;

    public Adx(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Period = period;
    }

    public int Period { get; }

    public int WarmUpPeriod => 2 * Period;

    public int Samples { get; private set; }

    public bool IsReady => Samples >= 2 * Period;

    /// <summary>ADX; 0 until ready.</summary>
    public decimal Value { get; private set; }

    /// <summary>+DI of the latest bar; 0 until N + 1 bars.</summary>
    public decimal PlusDi { get; private set; }

    /// <summary>−DI of the latest bar; 0 until N + 1 bars.</summary>
    public decimal MinusDi { get; private set; }

    /// <summary>DX of the latest bar; 0 until N + 1 bars (or when +DI + −DI = 0).</summary>
    public decimal Dx { get; private set; }

    public void Update(Bar bar)
    {
        Samples++;
        if (Samples == 1)
        {
            Remember(bar);
            return;
        }
        var up = bar.High - _previousHigh;
        var down = _previousLow - bar.Low;
        var plusDm = up > 0m && up > down ? up : 0m;
        var minusDm = down > 0m && down > up ? down : 0m;
        var tr = TrueRange.Of(bar.High, bar.Low, _previousClose);
        Remember(bar);
        if (Samples <= Period)
        {
            _plusDm += plusDm;
            _minusDm += minusDm;
            _tr += tr;
            return;
        }
        _plusDm += plusDm - _plusDm / Period;
        _minusDm += minusDm - _minusDm / Period;
        _tr += tr - _tr / Period;
        var hasDx = false;
        if (_tr != 0m)
        {
            PlusDi = 100m * _plusDm / _tr;
            MinusDi = 100m * _minusDm / _tr;
            var sum = PlusDi + MinusDi;
            hasDx = sum != 0m;
            Dx = hasDx ? 100m * Math.Abs(PlusDi - MinusDi) / sum : 0m;
        }
        if (Samples < 2 * Period)
        {
            _dxSum += hasDx ? Dx : 0m;
        }
        else if (Samples == 2 * Period)
        {
            Value = (_dxSum + (hasDx ? Dx : 0m)) / Period;
        }
        else if (hasDx)
        {
            Value = (Value * (Period - 1) + Dx) / Period;
        }
    }

    public void Reset()
    {
        _previousHigh = _previousLow = _previousClose = 0m;
        _plusDm = _minusDm = _tr = _dxSum = 0m;
        Samples = 0;
        Value = PlusDi = MinusDi = Dx = 0m;
    }

    private void Remember(Bar bar)
    {
        _previousHigh = bar.High;
        _previousLow = bar.Low;
        _previousClose = bar.Close;
    }
}
