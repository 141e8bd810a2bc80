using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Backtesting.Optimization;
using Orchestrator.Domain.Backtesting.Statistics;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class WalkForwardTests
{
    private static readonly TradingHours NewYork = TradingHours.UsEquities;

    /// <summary>
    /// Bars whose New York dates are not their UTC dates: 22:00 New York on the 2nd is 03:00 UTC on the 3rd, and
    /// 23:30 on the 4th is 04:30 UTC on the 5th. (January: New York is UTC−5, a day starts at 05:00 UTC.)
    /// <code>
    /// index  start (UTC)        New York date
    ///   0    01-02 14:30        01-02
    ///   1    01-02 14:31        01-02
    ///   2    01-03 03:00        01-02
    ///   3    01-03 14:30        01-03
    ///   4    01-05 04:30        01-04
    ///   5    01-05 14:30        01-05
    ///   6    01-08 14:30        01-08 (Monday)
    /// </code>
    /// </summary>
    private static readonly Bar[] Crafted =
    [
        At(2, 14, 30), At(2, 14, 31), At(3, 3, 0), At(3, 14, 30), At(5, 4, 30), At(5, 14, 30), At(8, 14, 30),
    ];

    [Theory]
    [InlineData(5, 2, 1, 3)]
    [InlineData(3, 2, 1, 1)]
    [InlineData(2, 2, 1, 0)]
    [InlineData(10, 4, 2, 3)] // tests on days 5–6, 7–8, 9–10
    [InlineData(9, 4, 2, 2)] // day 9 alone is not a full test window
    [InlineData(0, 1, 1, 0)]
    public void WindowCount_counts_the_full_test_windows(int days, int train, int test, int expected) =>
        Assert.Equal(expected, WalkForward.WindowCount(days, train, test));

    [Fact]
    public void TradingDays_are_the_calendars_local_dates_of_the_bars_in_order()
    {
        Assert.Equal(
            [new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 8)],
            WalkForward.TradingDays(Crafted, NewYork));
        Assert.Equal(
            [new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 8)],
            WalkForward.TradingDays(Crafted, TradingHours.AlwaysOpen)); // UTC dates
        Assert.Empty(WalkForward.TradingDays([], NewYork));
    }

    [Fact]
    public void Slice_takes_the_bars_starting_from_inclusive_to_exclusive()
    {
        // New York's 3 January is [05:00 UTC on the 3rd, 05:00 UTC on the 4th): bar 3 only, not bar 2 (the 2nd's evening).
        Assert.Equal([Crafted[3]], WalkForward.Slice(Crafted, NewYork.StartOfDay(new DateOnly(2024, 1, 3)), NewYork.StartOfDay(new DateOnly(2024, 1, 4))));
        // The 2nd to the 4th: bars 0–4.
        Assert.Equal(Crafted[..5], WalkForward.Slice(Crafted, NewYork.StartOfDay(new DateOnly(2024, 1, 2)), NewYork.StartOfDay(new DateOnly(2024, 1, 5))));
        // Bounds on bar starts: from is included, to is not.
        Assert.Equal(Crafted[1..3], WalkForward.Slice(Crafted, Crafted[1].Start, Crafted[3].Start));
        Assert.Empty(WalkForward.Slice(Crafted, Crafted[3].Start, Crafted[3].Start));
        Assert.Equal(Crafted, WalkForward.Slice(Crafted, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Empty(WalkForward.Slice(Crafted, Crafted[6].End, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void Three_windows_train_on_two_days_test_on_the_next_and_chain_the_test_returns()
    {
        // Five trading days, 2 to 8 January 2024 (the weekend skipped); train 2 days, test 1, roll by 1.
        var generator = new SyntheticBarGenerator(3);
        var bars = generator.Bars(generator.Symbols(1), new DateOnly(2024, 1, 2), 5).ToArray();
        var settings = new BacktestSettings { InitialCapital = 10_000m, FeeModel = new PercentageFeeModel(0m), SlippageModel = new FixedSlippageModel(0m) };
        var template = MovingAverageCrossover.Definition;
        var fixedValues = new Dictionary<string, object> { ["allocation"] = 0.5m, ["allow_short"] = true };
        ParameterRange[] ranges = [Range("moving_averages.short_period=2,5"), Range("moving_averages.long_period=10,30")];
        var objective = new Objective(StatisticNames.NetProfit);

        var result = WalkForward.Run(template, fixedValues, ranges, bars, ["SYN001"], settings, objective, trainDays: 2, testDays: 1,
            cancellationToken: TestContext.Current.CancellationToken);

        DateOnly D(int day) => new(2024, 1, day);
        Assert.Equal(
            [(D(2), D(3), D(4), D(4)), (D(3), D(4), D(5), D(5)), (D(4), D(5), D(8), D(8))],
            result.Windows.Select(w => (w.TrainStart, w.TrainEnd, w.TestStart, w.TestEnd)));

        var growth = 1m;
        foreach (var window in result.Windows)
        {
            // The best is the grid search's winner on the training days alone, and the test is those parameters
            // run on the test day alone.
            var train = WalkForward.Slice(bars, NewYork.StartOfDay(window.TrainStart), NewYork.StartOfDay(window.TrainEnd.AddDays(1)));
            var ranked = GridSearch.Run(template, fixedValues, ranges, train, ["SYN001"], window.TrainStart, window.TrainEnd, settings, objective,
                cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(ranked[0].Values, window.Best!.Values);
            Assert.Equal(ranked[0].Score, window.Best.Score);

            var test = WalkForward.Slice(bars, NewYork.StartOfDay(window.TestStart), NewYork.StartOfDay(window.TestEnd.AddDays(1)));
            Assert.Equal(390, test.Length);
            var alone = Backtester.Run(
                new BacktestRequest(template, template.Parameters.Resolve(window.Best.Values).Parameters!, ["SYN001"], window.TestStart, window.TestEnd, settings),
                test, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(alone.EndEquity, window.Test!.EndEquity);
            Assert.Equal(alone.Orders, window.Test.Orders);
            Assert.Equal(window.TestStart, window.Test.StartDate);

            growth *= window.Test.EndEquity / settings.InitialCapital;
        }

        Assert.Contains(result.Windows, w => w.Test!.Orders.Count > 0 && w.Test.EndEquity != settings.InitialCapital);
        Assert.Equal(growth - 1m, result.OutOfSampleReturn);
        // The chained curve: the first window's start, then each test day's close scaled to the running equity.
        Assert.Equal(4, result.OutOfSampleEquity.Count);
        Assert.Equal(settings.InitialCapital, result.OutOfSampleEquity[0].Equity);
        Assert.Equal(settings.InitialCapital * growth, result.OutOfSampleEquity[^1].Equity);
    }

    [Fact]
    public void Too_few_days_make_no_window()
    {
        var result = WalkForward.Run(MovingAverageCrossover.Definition, new Dictionary<string, object>(), [], Crafted, ["XYZ"], new BacktestSettings(),
            new Objective(StatisticNames.NetProfit), trainDays: 4, testDays: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(result.Windows);
        Assert.Equal(0m, result.OutOfSampleReturn);
        Assert.Empty(result.OutOfSampleEquity);
    }

    private static Bar At(int day, int hour, int minute) =>
        new("XYZ", new DateTimeOffset(2024, 1, day, hour, minute, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1), 10m, 10m, 10m, 10m, 1_000m);

    private static ParameterRange Range(string text) =>
        ParameterRange.Parse(text, MovingAverageCrossover.Definition.Parameters, out var error) ?? throw new ArgumentException(error, nameof(text));
}
