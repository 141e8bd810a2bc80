using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Backtesting.Statistics;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class PerformanceStatisticsEdgeCaseTests
{
    private static readonly DateOnly Monday = new(2024, 3, 4);

    private static IReadOnlyList<NamedStatistic> Compute(decimal start, params DailySample[] days) =>
        PerformanceStatistics.Compute(new StatisticsInput(start, Monday, days, [], [], TotalOrders: 0, TotalFees: 0m));

    private static decimal Value(IReadOnlyList<NamedStatistic> statistics, string name) => statistics.Single(s => s.Name == name).Value;

    private static void Near(double expected, decimal actual) => Assert.InRange((double)actual, expected - 1e-10, expected + 1e-10);

    [Fact]
    public void No_trades_and_no_benchmark_leave_the_trade_rates_and_the_benchmark_figures_at_zero()
    {
        // 1,000 → 1,010 (+1%) → 1,030.2 (+2%) → 1,019.898 (−1%) → 1,050.49494 (+3%), Monday to Thursday, no benchmark.
        var s = Compute(1000m,
            new(Monday, 1010m, null, 0m),
            new(Monday.AddDays(1), 1030.2m, null, 0m),
            new(Monday.AddDays(2), 1019.898m, null, 0m),
            new(Monday.AddDays(3), 1050.49494m, null, 0m));

        // No transaction records: Lean's rates are all 0.
        foreach (var name in new[] { "Average Win", "Average Loss", "Profit-Loss Ratio", "Win Rate", "Loss Rate", "Expectancy", "Portfolio Turnover" })
        {
            Assert.Equal(0m, Value(s, name));
        }

        // No benchmark: every benchmark change is 0, its variance 0, so Beta = Alpha = Treynor = 0.
        Assert.Equal(0m, Value(s, "Beta"));
        Assert.Equal(0m, Value(s, "Alpha"));
        Assert.Equal(0m, Value(s, "Treynor Ratio"));

        // r = 0.02, −0.01, 0.03 (day 1 dropped): mean 0.04/3, deviations 0.00667, −0.02333, 0.01667,
        // Σ squares 0.000866667, sample variance 0.000433333, × 252 = 0.1092; √ = 0.3304542328.
        // With b all 0, r − b = r: Tracking Error = √0.1092 too.
        // Annual performance (1 + 0.04/3)^252 − 1 = 27.1570323660; Sharpe = 27.1570323660 / 0.3304542328 = 82.1809184673,
        // and Information Ratio = (27.1570323660 − 0) / 0.3304542328 is the same.
        Near(0.1092, Value(s, "Annual Variance"));
        Near(0.33045423283716613, Value(s, "Annual Standard Deviation"));
        Near(0.33045423283716613, Value(s, "Tracking Error"));
        Near(82.1809184673074, Value(s, "Sharpe Ratio"));
        Near(82.1809184673074, Value(s, "Information Ratio"));

        // One losing day: its variance needs two, so the downside deviation and Sortino are 0.
        // Three returns: MathNet's kurtosis needs four, so σ(SR) is NaN and PSR is 0.
        Assert.Equal(0m, Value(s, "Sortino Ratio"));
        Assert.Equal(0m, Value(s, "Probabilistic Sharpe Ratio"));

        // Drawdown 1,019.898 / 1,030.2 − 1 = −0.01 → 0.010; high keyed 03-06 (day 2's close), back above it at day 4 (key 03-08): 2 days.
        Assert.Equal(0.010m, Value(s, "Drawdown"));
        Assert.Equal(2m, Value(s, "Drawdown Recovery"));
        // Net Profit 1,050.49494 / 1,000 − 1; CAR over 03-04 … 03-08 = 4 days: 1.05049494^(365/4) − 1 = 88.5775731546.
        Assert.Equal(0.05049494m, Value(s, "Net Profit"));
        Near(88.57757315460414, Value(s, "Compounding Annual Return"));
    }

    [Fact]
    public void Constant_equity_has_no_deviation_so_Sharpe_Sortino_PSR_and_Beta_are_zero()
    {
        // Equity stays at 1,000 while the benchmark moves 400, 404, 402, 398, 400.
        var s = Compute(1000m,
            new(Monday, 1000m, 400m, 0m),
            new(Monday.AddDays(1), 1000m, 404m, 0m),
            new(Monday.AddDays(2), 1000m, 402m, 0m),
            new(Monday.AddDays(3), 1000m, 398m, 0m),
            new(Monday.AddDays(4), 1000m, 400m, 0m));

        // r = 0, 0, 0, 0 (days 2 to 5): variance 0 → Annual Variance, Standard Deviation and Sharpe 0; no losing day → Sortino 0;
        // skewness 0/0 is NaN → PSR 0; cov(r, b) = 0 → Beta 0 → Alpha and Treynor 0; no drawdown, no return.
        foreach (var name in new[] { "Annual Variance", "Annual Standard Deviation", "Sharpe Ratio", "Sortino Ratio",
                     "Probabilistic Sharpe Ratio", "Beta", "Alpha", "Treynor Ratio", "Drawdown", "Drawdown Recovery",
                     "Net Profit", "Compounding Annual Return" })
        {
            Assert.Equal(0m, Value(s, name));
        }

        // The benchmark still moved: b from day 2 = 404/400 − 1, 402/404 − 1, 398/402 − 1, 400/398 − 1
        // = 0.01, −0.0049505, −0.0099502, 0.0050251 (Σ 0.0001243818); sample variance 0.0000829210,
        // Tracking Error √(0.0000829210 × 252) = 0.1445547689; benchmark annual performance
        // (1 + 0.0001243818/4)^252 − 1 = 0.0078667143; Information Ratio (0 − 0.0078667143) / 0.1445547689 = −0.0544203025.
        Near(0.14455476885546603, Value(s, "Tracking Error"));
        Near(-0.05442030252294026, Value(s, "Information Ratio"));
    }

    [Fact]
    public void A_benchmark_that_does_not_move_gives_beta_zero()
    {
        // The benchmark closes at 400 every day it trades; day 3 has no close and keeps 400. Equity moves.
        var s = Compute(1000m,
            new(Monday, 1010m, 400m, 0m),
            new(Monday.AddDays(1), 1030.2m, 400m, 0m),
            new(Monday.AddDays(2), 1019.898m, null, 0m),
            new(Monday.AddDays(3), 1050.49494m, 400m, 0m));

        // b = 0, 0, 0: variance 0 → Beta 0, and with it Alpha and Treynor.
        Assert.Equal(0m, Value(s, "Beta"));
        Assert.Equal(0m, Value(s, "Alpha"));
        Assert.Equal(0m, Value(s, "Treynor Ratio"));
        // The algorithm's own figures are those of the no-benchmark case: Sharpe 82.1809184673.
        Near(82.1809184673074, Value(s, "Sharpe Ratio"));
    }

    [Fact]
    public void Fewer_than_three_days_stop_where_Lean_stops()
    {
        // Two days give one return after Lean drops day 1; PortfolioStatistics needs two, so only the equity ends,
        // turnover and the given totals are filled: turnover mean(500/1,100, 0/1,210) = 0.2272727…
        var input = new StatisticsInput(1000m, Monday,
            [new(Monday, 1100m, 400m, 500m), new(Monday.AddDays(1), 1210m, 440m, 0m)],
            [new(new DateTimeOffset(2024, 3, 4, 20, 0, 0, TimeSpan.Zero), 100m)], [], TotalOrders: 2, TotalFees: 3m);
        var s = PerformanceStatistics.Compute(input);

        Assert.Equal(1000m, Value(s, "Start Equity"));
        Assert.Equal(1210m, Value(s, "End Equity"));
        Assert.Equal(2m, Value(s, "Total Orders"));
        Assert.Equal(3m, Value(s, "Total Fees"));
        Assert.Equal(0.22727272727272727273m, Value(s, "Portfolio Turnover"), 20);
        Assert.All(s.Where(x => x.Name is not ("Start Equity" or "End Equity" or "Total Orders" or "Total Fees" or "Portfolio Turnover")),
            x => Assert.Equal(0m, x.Value));
    }

    [Fact]
    public void Days_out_of_order_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Compute(1000m, new(Monday.AddDays(1), 1000m, null, 0m), new(Monday, 1000m, null, 0m)));
        Assert.Throws<ArgumentException>(() => Compute(1000m, new DailySample(Monday.AddDays(-1), 1000m, null, 0m)));
    }
}
