using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Backtesting.Optimization;

/// <summary>One window of a walk-forward: the best run on the training days and how its parameters did on the test days after.</summary>
public sealed record WalkForwardWindow(
    DateOnly TrainStart, DateOnly TrainEnd, DateOnly TestStart, DateOnly TestEnd, OptimizationRun? Best, BacktestResult? Test);

/// <summary>
/// The windows and the out-of-sample result: the test windows chained, each starting where the last ended
/// (<see cref="OutOfSampleEquity"/> scales each window's curve to the running equity), so
/// <see cref="OutOfSampleReturn"/> = Π (end equity ÷ initial capital of each test window) − 1.
/// </summary>
public sealed record WalkForwardResult(IReadOnlyList<WalkForwardWindow> Windows, decimal OutOfSampleReturn, IReadOnlyList<EquityPoint> OutOfSampleEquity);

/// <summary>
/// Walk-forward optimization: grid-search the parameters on <c>trainDays</c> trading days, test the winner on
/// the next <c>testDays</c>, roll forward by <c>testDays</c>, repeat while a full test window remains. Only
/// the test windows measure the strategy: their parameters were chosen without seeing them. Trading days are
/// the calendar's local dates that have bars.
/// </summary>
public static class WalkForward
{
    public static WalkForwardResult Run(
        StrategyTemplateDefinition template,
        IReadOnlyDictionary<string, object> fixedValues,
        IReadOnlyList<ParameterRange> ranges,
        Bar[] bars,
        IReadOnlyList<string> symbols,
        BacktestSettings settings,
        Objective objective,
        int trainDays,
        int testDays,
        int maxDegreeOfParallelism = -1,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testDays, 1);
        var days = TradingDays(bars, settings.Calendar);
        var windows = new List<WalkForwardWindow>();
        var chained = new List<EquityPoint>();
        var equity = settings.InitialCapital;
        var peak = equity;
        var done = 0;
        for (var start = 0; start + trainDays + testDays <= days.Count; start += testDays)
        {
            var (trainStart, trainEnd) = (days[start], days[start + trainDays - 1]);
            var (testStart, testEnd) = (days[start + trainDays], days[start + trainDays + testDays - 1]);
            var trainBars = Slice(bars, settings.Calendar.StartOfDay(trainStart), settings.Calendar.StartOfDay(trainEnd.AddDays(1)));
            var ranked = GridSearch.Run(template, fixedValues, ranges, trainBars, symbols, trainStart, trainEnd, settings, objective,
                maxDegreeOfParallelism, null, cancellationToken);
            var best = ranked.FirstOrDefault(static r => r.Result is not null);
            BacktestResult? test = null;
            if (best is not null)
            {
                var parameters = template.Parameters.Resolve(best.Values).Parameters!;
                var testBars = Slice(bars, settings.Calendar.StartOfDay(testStart), settings.Calendar.StartOfDay(testEnd.AddDays(1)));
                test = Backtester.Run(new BacktestRequest(template, parameters, symbols, testStart, testEnd, settings), testBars,
                    cancellationToken: cancellationToken);
                var scale = equity / settings.InitialCapital;
                foreach (var point in test.EquityCurve.Skip(chained.Count == 0 ? 0 : 1))
                {
                    var value = point.Equity * scale;
                    peak = Math.Max(peak, value);
                    chained.Add(new EquityPoint(point.Time, value, peak == 0m ? 0m : (peak - value) / peak));
                }

                equity *= test.EndEquity / settings.InitialCapital;
            }

            windows.Add(new WalkForwardWindow(trainStart, trainEnd, testStart, testEnd, best, test));
            progress?.Report(++done);
        }

        return new WalkForwardResult(windows, (equity / settings.InitialCapital) - 1m, chained);
    }

    /// <summary>How many windows <see cref="Run"/> will make from <paramref name="tradingDays"/> days.</summary>
    public static int WindowCount(int tradingDays, int trainDays, int testDays) =>
        tradingDays < trainDays + testDays ? 0 : ((tradingDays - trainDays - testDays) / testDays) + 1;

    /// <summary>The distinct local dates of the bars' starts, in order (bars are in time order).</summary>
    public static List<DateOnly> TradingDays(Bar[] bars, TradingHours calendar)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(calendar);
        var days = new List<DateOnly>();
        var dayEnd = DateTimeOffset.MinValue;
        foreach (ref readonly var bar in bars.AsSpan())
        {
            if (bar.Start >= dayEnd)
            {
                var day = calendar.TradingDay(bar.Start);
                days.Add(day);
                dayEnd = calendar.StartOfDay(day.AddDays(1));
            }
        }

        return days;
    }

    /// <summary>The bars starting in [from, to), by binary search (bars are in time order).</summary>
    public static Bar[] Slice(Bar[] bars, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(bars);
        return bars[FirstAtOrAfter(bars, from)..FirstAtOrAfter(bars, to)];
    }

    private static int FirstAtOrAfter(Bar[] bars, DateTimeOffset instant)
    {
        int lo = 0, hi = bars.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (bars[mid].Start < instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
