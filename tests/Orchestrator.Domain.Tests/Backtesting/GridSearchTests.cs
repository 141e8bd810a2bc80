using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Backtesting.Optimization;
using Orchestrator.Domain.Backtesting.Statistics;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class GridSearchTests
{
    private static readonly StrategyTemplateDefinition Template = MovingAverageCrossover.Definition;

    private static readonly DateTimeOffset Open = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero); // Tuesday, 09:30 New York

    /// <summary>
    /// The series of <see cref="CrossoverBacktestTests"/> on Tuesday 2 January (bars 0–12), then one bar at 9 on
    /// Wednesday and one on Thursday: three trading days, so the daily statistics (Drawdown) are computed, and
    /// the two extra bars trade nothing (below, SMA(1) and SMA(2) stay at or under SMA(3) after bar 12).
    /// End equity with allocation 0.5 and 10,000 of capital, no fees, no slippage:
    /// <code>
    /// short long shorts  trades                                                              end equity
    ///   2    3   no      (CrossoverBacktestTests) buy 454 at 11, sell at 9                       9,092
    ///   2    3   yes     (CrossoverBacktestTests) flips at bars 6, 9, 12                         8,638
    ///   1    3   no      SMA(1) is the close: cross up at bar 8 (10 > 9.667), BUY 500 at 10;
    ///                    cross down at bar 11 (10 &lt; 11), sold at 10                           10,000
    ///   1    3   yes     bar 5 (11 &lt; 11.333): SELL 454 at 11 (cash 14,994); bar 8: equity
    ///                    14,994 − 4,540 = 10,454, target 522 long: BUY 976 at 10 (cash 5,234);
    ///                    bar 11: equity 10,454, target 522 short: SELL 1,044 at 10
    ///                    (cash 15,674); marked at 9: 15,674 − 522 × 9                           10,976
    ///   any  20  either  SMA(20) is never ready on 15 bars: no trade                           10,000
    /// </code>
    /// Drawdown (Lean's, on the daily equity 10,000, E, E, E, rounded to 3 places): 0 when E ≥ 10,000; 9,092 gives
    /// 0.0908 -> 0.091; 8,638 gives 0.1362 -> 0.136.
    /// </summary>
    private static readonly decimal[] Closes = [10, 10, 10, 11, 12, 11, 10, 9, 10, 11, 12, 10, 9];

    private static readonly Bar[] Bars =
    [
        .. Closes.Select((c, i) => Flat(Open.AddMinutes(i), c)),
        Flat(Open.AddDays(1), 9m),
        Flat(Open.AddDays(2), 9m),
    ];

    private static readonly BacktestSettings Settings = new()
    {
        InitialCapital = 10_000m,
        FeeModel = new PercentageFeeModel(0m),
        SlippageModel = new FixedSlippageModel(0m),
    };

    private static readonly Dictionary<string, object> Fixed = new() { ["allocation"] = 0.5m, ["moving_averages.long_period"] = 3 };

    [Fact]
    public void Combinations_vary_the_last_range_fastest_on_top_of_the_fixed_values()
    {
        var combinations = GridSearch.Combinations(Fixed, [Range("moving_averages.short_period=1,2"), Range("moving_averages.long_period=3:5:1")]);

        Assert.Equal(
            [(1, 3), (1, 4), (1, 5), (2, 3), (2, 4), (2, 5)],
            combinations.Select(c => ((int)c["moving_averages.short_period"], (int)c["moving_averages.long_period"])));
        Assert.All(combinations, c => Assert.Equal(0.5m, c["allocation"])); // a range overrides a fixed value of its path
        Assert.Equal(Fixed, Assert.Single(GridSearch.Combinations(Fixed, [])));
    }

    [Fact]
    public void Runs_are_ranked_by_end_equity_best_first()
    {
        var runs = Search(new Objective(StatisticNames.EndEquity), "moving_averages.short_period=1,2", "allow_short=false,true");

        Assert.Equal(
            [(1, true, 10_976m), (1, false, 10_000m), (2, false, 9_092m), (2, true, 8_638m)],
            runs.Select(r => (Short(r), (bool)r.Values["allow_short"], r.Score!.Value)));
        Assert.All(runs, r => Assert.Equal(r.Result!.EndEquity, r.Score));
        Assert.All(runs, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Ties_keep_grid_order()
    {
        // Grid order (1,3), (1,20), (2,3), (2,20); three of them end at 10,000.
        var runs = Search(new Objective(StatisticNames.EndEquity), "moving_averages.short_period=1,2", "moving_averages.long_period=3,20");

        Assert.Equal(
            [(1, 3, 10_000m), (1, 20, 10_000m), (2, 20, 10_000m), (2, 3, 9_092m)],
            runs.Select(r => (Short(r), Long(r), r.Score!.Value)));
    }

    [Fact]
    public void A_combination_that_breaks_a_rule_is_reported_last_and_not_run()
    {
        var runs = Search(new Objective(StatisticNames.EndEquity), "moving_averages.short_period=2,3", "moving_averages.long_period=3,20");

        Assert.Equal(
            [(2, 20, 10_000m), (3, 20, 10_000m), (2, 3, 9_092m)],
            runs.Take(3).Select(r => (Short(r), Long(r), r.Score!.Value)));
        var broken = runs[3];
        Assert.Equal((3, 3), (Short(broken), Long(broken)));
        Assert.Equal((null, null), (broken.Result, broken.Score));
        Assert.Equal("moving_averages.short_period must be below moving_averages.long_period", broken.Error);
    }

    [Fact]
    public void Lower_is_better_objectives_rank_ascending()
    {
        var objective = new Objective(StatisticNames.Drawdown);
        Assert.False(objective.Maximize);
        Assert.True(new Objective(StatisticNames.EndEquity).Maximize);

        var runs = Search(objective, "moving_averages.short_period=1,2", "allow_short=false,true");

        // Drawdowns 0 (10,000), 0 (10,976), 0.091 (9,092), 0.136 (8,638); the score is the drawdown negated, and
        // the two without a drawdown keep grid order.
        Assert.Equal(
            [(1, false, 0m, 0m), (1, true, 0m, 0m), (2, false, 0.091m, -0.091m), (2, true, 0.136m, -0.136m)],
            runs.Select(r => (Short(r), (bool)r.Values["allow_short"], r.Result!.Statistic(StatisticNames.Drawdown), r.Score!.Value)));
    }

    [Fact]
    public void Rank_puts_runs_without_a_score_last_and_keeps_ties_in_order()
    {
        OptimizationRun Run(string name, decimal? score) =>
            new(new Dictionary<string, object> { ["name"] = name }, null, score, score is null ? "broken" : null);

        var ranked = GridSearch.Rank([Run("a", 1m), Run("b", null), Run("c", 3m), Run("d", 3m), Run("e", -2m), Run("f", 1m)]);

        Assert.Equal(["c", "d", "a", "f", "e", "b"], ranked.Select(r => (string)r.Values["name"]));
    }

    [Fact]
    public void Parallel_runs_give_the_same_results_as_a_sequential_run()
    {
        var generator = new SyntheticBarGenerator(5);
        var first = new DateOnly(2024, 1, 2);
        var bars = generator.Bars(generator.Symbols(2), first, 2).ToArray();
        ParameterRange[] ranges = [Range("moving_averages.short_period=2:10:2"), Range("moving_averages.long_period=10:30:10"), Range("allow_short=false,true")];
        var settings = new BacktestSettings();
        var objective = new Objective(StatisticNames.NetProfit);

        IReadOnlyList<OptimizationRun> Grid(int parallelism) => GridSearch.Run(
            Template, Fixed, ranges, bars, ["SYN001", "SYN002"], first, new DateOnly(2024, 1, 3), settings, objective, parallelism,
            cancellationToken: TestContext.Current.CancellationToken);

        var sequential = Grid(1);
        var parallel = Grid(-1);

        Assert.Equal(5 * 3 * 2, sequential.Count);
        Assert.Contains(sequential, r => r.Error is not null); // 10 is not below 10
        Assert.Contains(sequential, r => r.Result?.Orders.Count > 0);
        Assert.Equal(sequential.Count, parallel.Count);
        for (var i = 0; i < sequential.Count; i++)
        {
            var (s, p) = (sequential[i], parallel[i]);
            Assert.Equal(s.Values.OrderBy(kv => kv.Key), p.Values.OrderBy(kv => kv.Key));
            Assert.Equal((s.Score, s.Error), (p.Score, p.Error));
            if (s.Result is null)
            {
                Assert.Null(p.Result);
                continue;
            }

            Assert.Equal(s.Result.Statistics, p.Result!.Statistics);
            Assert.Equal(s.Result.Orders, p.Result.Orders);
            Assert.Equal(s.Result.Trades, p.Result.Trades);
            Assert.Equal(s.Result.EquityCurve, p.Result.EquityCurve);
        }
    }

    private static IReadOnlyList<OptimizationRun> Search(Objective objective, params string[] ranges)
    {
        var day = DateOnly.FromDateTime(Open.UtcDateTime);
        return GridSearch.Run(Template, Fixed, [.. ranges.Select(Range)], Bars, ["XYZ"], day, day.AddDays(2), Settings, objective,
            cancellationToken: TestContext.Current.CancellationToken);
    }

    private static ParameterRange Range(string text) =>
        ParameterRange.Parse(text, Template.Parameters, out var error) ?? throw new ArgumentException(error, nameof(text));

    private static int Short(OptimizationRun run) => (int)run.Values["moving_averages.short_period"];

    private static int Long(OptimizationRun run) => (int)run.Values["moving_averages.long_period"];

    private static Bar Flat(DateTimeOffset start, decimal close) => new("XYZ", start, TimeSpan.FromMinutes(1), close, close, close, close, 1_000_000m);
}
