namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Simple moving average: SMAₜ = (xₜ + xₜ₋₁ + … + xₜ₋ₙ₊₁) / N, kept as a running sum (add the new value,
/// subtract the one leaving the window). TA-Lib SMA; lookback N − 1, so ready after N values.
/// <para>
/// The sum is decimal, but while every value is non-negative and small enough (prices: a few digits at a scale of
/// two or so) it is kept as a whole number of 10^−scale units in a long, scale being the largest scale seen, so an
/// update is two integer additions instead of two decimal ones. That is exact, not an approximation: decimal
/// addition of such values is exact and takes the larger scale, so <see cref="Sum"/> has the same digits and the
/// same scale either way. The first update that does not fit (a negative value, too many digits for a long, or a
/// sum of zero, whose sign decimal sets by rules of its own) moves the sum to decimal arithmetic until
/// <see cref="Reset"/>. SmaExactSumTests compare both bit for bit.
/// </para>
/// </summary>
public sealed class Sma : IValueIndicator
{
    private static readonly long[] PowersOfTen = [.. Enumerable.Range(0, 19).Select(static n => (long)Math.Pow(10, n))];

    /// <summary>The window in 10^−<see cref="_scale"/> units, a ring, while the sum is exact.</summary>
    private readonly long[] _units;

    /// <summary>Each value's own scale, to give it back as it came when the sum moves to decimal (see <see cref="ToDecimal"/>).</summary>
    private readonly byte[] _scales;

    /// <summary>The most one value may hold in units: N of them still sum within a long.</summary>
    private readonly long _maxUnits;

    private int _next;
    private int _count;
    private long _sumUnits;
    private byte _scale;

    /// <summary>The window as decimals and the decimal sum, once a value did not fit in units (null while exact).</summary>
    private RollingWindow? _window;
    private decimal _sum;

    public Sma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _units = new long[period];
        _scales = new byte[period];
        _maxUnits = long.MaxValue / period;
    }

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public int Samples { get; private set; }

    public bool IsReady => _window?.IsFull ?? _count == _units.Length;

    /// <summary>Computed when read: the division is the costly part, and a backtest reads it far less often than it updates.</summary>
    public decimal Value => IsReady ? Sum / Period : 0m;

    /// <summary>The sum of the window (Value × Period once ready): comparisons of averages can cross-multiply instead of dividing.</summary>
    public decimal Sum => _window is null ? new decimal((int)_sumUnits, (int)(_sumUnits >> 32), 0, false, _scale) : _sum;

    /// <summary>
    /// The sum as a whole number of 10^−<paramref name="scale"/> units (<see cref="Sum"/> = units × 10^−scale exactly),
    /// while it is kept that way: two averages of the same values compare in integers.
    /// </summary>
    internal bool TryGetSumUnits(out long units, out byte scale)
    {
        units = _sumUnits;
        scale = _scale;
        return _window is null;
    }

    public void Update(decimal value)
    {
        Samples++;
        if (_window is null && TryUpdateUnits(value))
        {
            return;
        }

        if (_window is null)
        {
            ToDecimal();
        }

        _sum += value - _window!.Push(value);
    }

    public void Reset()
    {
        Array.Clear(_units);
        Array.Clear(_scales);
        _next = 0;
        _count = 0;
        _sumUnits = 0;
        _scale = 0;
        _window = null;
        _sum = 0m;
        Samples = 0;
    }

    /// <summary>
    /// The update in units, or false (nothing changed) when the value does not fit, or when the sum would come to
    /// zero: decimal gives a zero result a sign by rules of its own (−0.00 can come out of 1.10 + −1.1), so such an
    /// update is left to decimal arithmetic.
    /// </summary>
    private bool TryUpdateUnits(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0 || bits[3] < 0)
        {
            return false; // over 64 bits of mantissa, or negative
        }

        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (byte)(bits[3] >> 16);

        // A value with more decimals than any before re-expresses the window in its finer units (rare: the first values).
        var factor = 1L;
        if (scale > _scale)
        {
            if (scale - _scale >= PowersOfTen.Length || !WindowFits(factor = PowersOfTen[scale - _scale]))
            {
                return false;
            }
        }

        var shift = Math.Max(scale, _scale) - scale;
        if (shift >= PowersOfTen.Length || mantissa > (ulong)(_maxUnits / PowersOfTen[shift]))
        {
            return false;
        }

        var units = (long)mantissa * PowersOfTen[shift];
        var slot = _next;
        var dropped = _count == _units.Length ? _units[slot] * factor : 0L;
        var sum = (_sumUnits * factor) - dropped + units; // in this order no intermediate exceeds N values' units
        if (sum == 0)
        {
            return false;
        }

        if (factor != 1)
        {
            for (var i = 0; i < _count; i++)
            {
                _units[i] *= factor;
            }

            _scale = scale;
        }

        _units[slot] = units;
        _scales[slot] = scale;
        _next = slot + 1 == _units.Length ? 0 : slot + 1;
        if (_count < _units.Length)
        {
            _count++;
        }

        _sumUnits = sum;
        return true;
    }

    /// <summary>Whether every value of the window still fits in units once multiplied by <paramref name="factor"/>.</summary>
    private bool WindowFits(long factor)
    {
        var limit = _maxUnits / factor;
        for (var i = 0; i < _count; i++)
        {
            if (_units[i] > limit)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Leaves the exact path: the window becomes its decimals as they came (each at its own scale: the sign decimal
    /// gives a zero result depends on the operands' scales), the sum the decimal of its units.
    /// </summary>
    private void ToDecimal()
    {
        var window = new RollingWindow(Period);
        var oldest = _count == _units.Length ? _next : 0;
        for (var i = 0; i < _count; i++)
        {
            var slot = (oldest + i) % _units.Length;
            var units = _units[slot] == 0 ? 0 : _units[slot] / PowersOfTen[_scale - _scales[slot]]; // only a zero can be 19+ scales finer
            window.Push(new decimal((int)units, (int)(units >> 32), 0, false, _scales[slot]));
        }

        _sum = Sum;
        _window = window;
    }
}
