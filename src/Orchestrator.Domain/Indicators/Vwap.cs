using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Indicators;

/// <summary>
/// Session-anchored volume-weighted average price: VWAP = Σ(pᵢ·vᵢ) / Σvᵢ over the bars of the current trading
/// day, with pᵢ the typical price (H + L + C) / 3. The sums restart when a bar's trading day (of its start)
/// differs from the previous bar's. Not a TA-Lib function; lookback 0 within a session: ready once the
/// session has any volume (a session of zero-volume bars has no VWAP).
/// </summary>
public sealed class Vwap : IBarIndicator
{
    private readonly Func<DateTimeOffset, DateOnly> _tradingDay;
    private DateOnly? _session;
    private decimal _priceVolume;
    private decimal _volume;

    /// <summary>Sessions are calendar days of the bar's start in UTC.</summary>
    public Vwap()
        : this(static start => DateOnly.FromDateTime(start.UtcDateTime))
    {
    }

    /// <summary>Sessions are the market's trading days (<see cref="TradingHours.TradingDay"/>, in its zone).</summary>
    public Vwap(TradingHours hours)
        : this(hours.TradingDay)
    {
    }

    /// <summary>Sessions are the days <paramref name="tradingDay"/> assigns to each bar's start.</summary>
    public Vwap(Func<DateTimeOffset, DateOnly> tradingDay)
    {
        _tradingDay = tradingDay;
    }

    public int WarmUpPeriod => 1;

    public int Samples { get; private set; }

    public bool IsReady => _volume > 0m;

    public decimal Value { get; private set; }

    /// <summary>The trading day of the current session, or null before the first bar.</summary>
    public DateOnly? Session => _session;

    public void Update(Bar bar)
    {
        Samples++;
        var day = _tradingDay(bar.Start);
        if (day != _session)
        {
            _session = day;
            _priceVolume = _volume = 0m;
            Value = 0m;
        }
        var typical = (bar.High + bar.Low + bar.Close) / 3m;
        _priceVolume += typical * bar.Volume;
        _volume += bar.Volume;
        if (_volume > 0m)
        {
            Value = _priceVolume / _volume;
        }
    }

    public void Reset()
    {
        _session = null;
        _priceVolume = _volume = 0m;
        Samples = 0;
        Value = 0m;
    }
}
