using System.Runtime.CompilerServices;
using NodaTime;

namespace Orchestrator.Domain.MarketData;

/// <summary>
/// Rolls time-ordered 1-minute bars of one or many symbols up into <see cref="BarInterval"/> bars, incrementally:
/// <see cref="Add"/> one bar at a time and collect the interval bars it completes, then <see cref="Flush"/> the rest.
/// <para>
/// Buckets: intraday intervals align to UTC (a 5m bar starts at :00, :05, ...); a 1d bar is the symbol's trading
/// day (<see cref="TradingHours.TradingDay"/>, the local date in the exchange's zone; UTC when no hours are known),
/// starting at local midnight and lasting to the next local midnight (23 or 25 hours across a DST change).
/// </para>
/// <para>
/// Each interval bar takes the first open, the highest high, the lowest low, the last close and the summed volume
/// of its minutes. VWAP = Σ(pᵢ × vᵢ) / Σvᵢ, where pᵢ is the minute's own VWAP when stored, else its typical price
/// (high + low + close) / 3 (<see cref="StoredBar.AveragePrice"/>); null when the bucket traded no volume.
/// Bid, ask and their sizes are the last minute's: the quote at the bucket's close.
/// </para>
/// <para>
/// A bucket is complete once a bar at or after its end arrives (input is time-ordered, so nothing more can fall into
/// it), so completed bars come out in time order, ties by symbol, and memory holds one open bucket per symbol.
/// </para>
/// </summary>
public sealed class BarAggregator
{
    private readonly BarInterval _interval;
    private readonly Func<string, TradingHours?> _hoursOf;
    private readonly Dictionary<string, Bucket> _open = new(StringComparer.Ordinal);
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;
    private DateTimeOffset _earliestEnd = DateTimeOffset.MaxValue;

    /// <param name="interval">The bar length to produce.</param>
    /// <param name="hoursOf">A symbol's trading hours, for 1d buckets; null (or a null answer) means UTC dates.</param>
    public BarAggregator(BarInterval interval, Func<string, TradingHours?>? hoursOf = null)
    {
        _interval = interval;
        _hoursOf = hoursOf ?? (_ => null);
    }

    /// <summary>Adds the next bar; returns the interval bars its arrival completes (time order, ties by symbol).</summary>
    /// <exception cref="ArgumentException">The bar starts before the previous one: input must be in time order.</exception>
    public IReadOnlyList<StoredBar> Add(StoredBar minute)
    {
        if (minute.Start < _lastStart)
        {
            throw new ArgumentException(
                $"bars must arrive in time order: {minute.Symbol} at {minute.Start:O} follows a bar at {_lastStart:O}", nameof(minute));
        }

        _lastStart = minute.Start;
        var completed = minute.Start >= _earliestEnd ? Complete(minute.Start) : [];

        if (_open.TryGetValue(minute.Symbol, out var bucket))
        {
            bucket.Add(minute);
        }
        else
        {
            var (start, end) = BucketOf(minute);
            _open.Add(minute.Symbol, new Bucket(start, end, minute));
            if (end < _earliestEnd)
            {
                _earliestEnd = end;
            }
        }

        return completed;
    }

    /// <summary>Completes every open bucket (end of input): the last, possibly partial, bars.</summary>
    public IReadOnlyList<StoredBar> Flush() => Complete(DateTimeOffset.MaxValue);

    /// <summary>Aggregates a time-ordered stream of 1-minute bars, yielding each interval bar as soon as it is complete.</summary>
    public static async IAsyncEnumerable<StoredBar> AggregateAsync(
        IAsyncEnumerable<StoredBar> minutes,
        BarInterval interval,
        Func<string, TradingHours?>? hoursOf = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var aggregator = new BarAggregator(interval, hoursOf);
        await foreach (var minute in minutes.WithCancellation(ct))
        {
            foreach (var bar in aggregator.Add(minute))
            {
                yield return bar;
            }
        }

        foreach (var bar in aggregator.Flush())
        {
            yield return bar;
        }
    }

    private List<StoredBar> Complete(DateTimeOffset now)
    {
        var done = new List<StoredBar>();
        _earliestEnd = DateTimeOffset.MaxValue;
        foreach (var (symbol, bucket) in _open)
        {
            if (bucket.End <= now)
            {
                done.Add(bucket.ToBar(symbol));
            }
            else if (bucket.End < _earliestEnd)
            {
                _earliestEnd = bucket.End;
            }
        }

        foreach (var bar in done)
        {
            _open.Remove(bar.Symbol);
        }

        done.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Symbol, b.Symbol));
        return done;
    }

    private (DateTimeOffset Start, DateTimeOffset End) BucketOf(StoredBar minute)
    {
        if (!_interval.IsDaily)
        {
            var start = _interval.BucketStart(minute.Start);
            return (start, start + _interval.Period);
        }

        var hours = _hoursOf(minute.Symbol);
        var zone = hours is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb[hours.TimeZoneId];
        var day = LocalDate.FromDateOnly(hours?.TradingDay(minute.Start) ?? DateOnly.FromDateTime(minute.Start.UtcDateTime));
        return (zone.AtStartOfDay(day).ToDateTimeOffset().ToUniversalTime(),
                zone.AtStartOfDay(day.PlusDays(1)).ToDateTimeOffset().ToUniversalTime());
    }

    /// <summary>One symbol's interval bar under construction.</summary>
    private sealed class Bucket(DateTimeOffset start, DateTimeOffset end, StoredBar first)
    {
        private readonly decimal _open = first.Bar.Open;
        private decimal _high = first.Bar.High;
        private decimal _low = first.Bar.Low;
        private StoredBar _last = first;
        private decimal _volume = first.Bar.Volume;
        private decimal _priceVolume = first.AveragePrice * first.Bar.Volume;

        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset End { get; } = end;

        public void Add(StoredBar minute)
        {
            _high = Math.Max(_high, minute.Bar.High);
            _low = Math.Min(_low, minute.Bar.Low);
            _last = minute;
            _volume += minute.Bar.Volume;
            _priceVolume += minute.AveragePrice * minute.Bar.Volume;
        }

        public StoredBar ToBar(string symbol) => new(
            new Bar(symbol, Start, End - Start, _open, _high, _low, _last.Bar.Close, _volume),
            _volume == 0m ? null : _priceVolume / _volume,
            _last.Bid, _last.Ask, _last.BidSize, _last.AskSize);
    }
}
