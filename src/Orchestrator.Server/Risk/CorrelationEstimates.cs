using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Risk;
using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Server.Risk;

/// <summary>
/// The return correlations the pre-trade check counts max_correlation_exposure with
/// (<see cref="ReturnCorrelations"/>: 60 daily returns per pair), for the current New York trading day. The
/// closes are the sessions before that day began, so they cannot change during it: each symbol's are read once
/// per day through <see cref="DailyHistory"/>, the first time an account asks for it (accounts asking at the
/// same time share that read), and kept until the day turns. The order path must never fail for want of an
/// estimate: when the bar store cannot answer, the failure is logged and that call gets no matrix (nothing is
/// cached, so the next call tries again).
/// </summary>
public sealed partial class CorrelationEstimates(DailyHistory history, ILogger<CorrelationEstimates> log)
{
    /// <summary>
    /// Calendar days of bars read per symbol: 61 sessions (60 returns) and room for weekends and up to a few
    /// market holidays.
    /// </summary>
    public const int CalendarDays = 95;

    private readonly Lock _gate = new();
    private Day _day = new(DateOnly.MinValue);

    /// <summary>The trading day an estimate made at <paramref name="now"/> belongs to (it changes at New York midnight).</summary>
    public static DateOnly TradingDayOf(DateTimeOffset now) => TradingHours.UsEquities.TradingDay(now);

    /// <summary>
    /// The matrix of <paramref name="symbols"/> as of <paramref name="now"/>'s trading day; null when the bar
    /// store failed or the closes could not be used (logged). Throws only when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<CorrelationMatrix?> TryEstimateAsync(IReadOnlyCollection<string> symbols, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var today = TradingDayOf(now);
        var day = DayOf(today);

        // A symbol's closes are read by the first caller to miss them; callers asking meanwhile wait for that read.
        var wanted = new Dictionary<string, Task<IReadOnlyList<DailyClose>>>(StringComparer.Ordinal);
        List<(string Symbol, TaskCompletionSource<IReadOnlyList<DailyClose>> Source)>? mine = null;
        foreach (var symbol in symbols)
        {
            if (wanted.ContainsKey(symbol))
            {
                continue;
            }

            if (!day.Closes.TryGetValue(symbol, out var closes))
            {
                var source = new TaskCompletionSource<IReadOnlyList<DailyClose>>(TaskCreationOptions.RunContinuationsAsynchronously);
                closes = day.Closes.GetOrAdd(symbol, source.Task);
                if (closes == source.Task)
                {
                    (mine ??= []).Add((symbol, source));
                }
            }

            wanted[symbol] = closes;
        }

        if (mine is not null)
        {
            await ReadAsync(day, mine, ct);
        }

        var series = new Dictionary<string, IReadOnlyList<DailyClose>>(StringComparer.Ordinal);
        try
        {
            await Task.WhenAll(wanted.Values).WaitAsync(ct);
            foreach (var (symbol, closes) in wanted)
            {
                series[symbol] = await closes;
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogReadFailed(e, today);
            return null;
        }

        try
        {
            return ReturnCorrelations.Estimate(series);
        }
        catch (ArgumentException e)
        {
            // A stored close of zero or below: the bars are wrong, not the order.
            LogEstimateFailed(e, today);
            return null;
        }
    }

    /// <summary>Reads the closes this caller claimed; on failure forgets the claims, so the next caller reads again.</summary>
    private async Task ReadAsync(Day day, List<(string Symbol, TaskCompletionSource<IReadOnlyList<DailyClose>> Source)> claimed, CancellationToken ct)
    {
        try
        {
            var read = await history.ReadAsync([.. claimed.Select(static c => c.Symbol)], TradingHours.UsEquities.StartOfDay(day.Date), CalendarDays, ct);
            foreach (var (symbol, source) in claimed)
            {
                source.TrySetResult(read.Closes[symbol]);
            }
        }
        catch (Exception e)
        {
            foreach (var (symbol, source) in claimed)
            {
                day.Closes.TryRemove(new KeyValuePair<string, Task<IReadOnlyList<DailyClose>>>(symbol, source.Task));
                source.TrySetException(e);
            }
        }
    }

    /// <summary>The day's cache; a new one when the day has turned (an older day, asked late, gets a throwaway).</summary>
    private Day DayOf(DateOnly today)
    {
        var day = Volatile.Read(ref _day);
        if (day.Date == today)
        {
            return day;
        }

        lock (_gate)
        {
            if (_day.Date < today)
            {
                Volatile.Write(ref _day, new Day(today));
            }

            return _day.Date == today ? _day : new Day(today);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily closes for the correlations of {TradingDay} could not be read; this order is checked without correlations")]
    private partial void LogReadFailed(Exception exception, DateOnly tradingDay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The correlations of {TradingDay} could not be estimated from the stored closes; orders are checked without them")]
    private partial void LogEstimateFailed(Exception exception, DateOnly tradingDay);

    /// <summary>
    /// One trading day's closes per symbol, read or being read (an empty list: the symbol has none, and stands alone
    /// that day).
    /// </summary>
    private sealed class Day(DateOnly date)
    {
        public DateOnly Date { get; } = date;

        public ConcurrentDictionary<string, Task<IReadOnlyList<DailyClose>>> Closes { get; } = new(StringComparer.Ordinal);
    }
}
