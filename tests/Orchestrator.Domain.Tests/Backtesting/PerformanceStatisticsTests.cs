using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Backtesting.Statistics;
using Orchestrator.Domain.Backtesting.Trades;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class PerformanceStatisticsTests
{
    // Eight trading days from Monday 2024-01-08 (Monday the 15th is a holiday), starting with 100,000.
    // Each close is the previous one times a round return, so Lean's daily percentages are exact:
    //   day  date   equity            return  benchmark  traded
    //   1    01-08  101,000           +1%     400        50,000
    //   2    01-09  102,010           +1%     404             0
    //   3    01-10   99,969.8         −2%     402        30,000
    //   4    01-11   98,970.102       −1%     398             0
    //   5    01-12  101,939.20506     +3%     406        20,000
    //   6    01-16  102,958.5971106   +1%     410             0
    //   7    01-17  102,958.5971106    0%     410        10,000
    //   8    01-18  105,017.769052812 +2%     412.05     40,000
    private static readonly DailySample[] Days =
    [
        new(new DateOnly(2024, 1, 8), 101000m, 400m, 50000m),
        new(new DateOnly(2024, 1, 9), 102010m, 404m, 0m),
        new(new DateOnly(2024, 1, 10), 99969.8m, 402m, 30000m),
        new(new DateOnly(2024, 1, 11), 98970.102m, 398m, 0m),
        new(new DateOnly(2024, 1, 12), 101939.20506m, 406m, 20000m),
        new(new DateOnly(2024, 1, 16), 102958.5971106m, 410m, 0m),
        new(new DateOnly(2024, 1, 17), 102958.5971106m, 410m, 10000m),
        new(new DateOnly(2024, 1, 18), 105017.769052812m, 412.05m, 40000m),
    ];

    // Transaction record: each profit is a round fraction of the running capital before it.
    //   +2,000    = +2% of 100,000  → 102,000
    //   −1,020    = −1% of 102,000  → 100,980
    //   +5,049    = +5% of 100,980  → 106,029
    //   −2,120.58 = −2% of 106,029
    private static readonly TransactionRecord[] Records =
    [
        new(new DateTimeOffset(2024, 1, 8, 20, 0, 0, TimeSpan.Zero), 2000m),
        new(new DateTimeOffset(2024, 1, 10, 20, 0, 0, TimeSpan.Zero), -1020m),
        new(new DateTimeOffset(2024, 1, 12, 20, 0, 0, TimeSpan.Zero), 5049m),
        new(new DateTimeOffset(2024, 1, 18, 20, 0, 0, TimeSpan.Zero), -2120.58m),
    ];

    private static StatisticsInput Input() =>
        new(100000m, new DateOnly(2024, 1, 8), Days, Records, [], TotalOrders: 8, TotalFees: 42.50m, RiskFreeRate: 0.01m);

    private static readonly string[] LeanOrder =
    [
        "Total Orders", "Average Win", "Average Loss", "Compounding Annual Return", "Drawdown", "Expectancy",
        "Start Equity", "End Equity", "Net Profit", "Sharpe Ratio", "Sortino Ratio", "Probabilistic Sharpe Ratio",
        "Loss Rate", "Win Rate", "Profit-Loss Ratio", "Alpha", "Beta", "Annual Standard Deviation", "Annual Variance",
        "Information Ratio", "Tracking Error", "Treynor Ratio", "Total Fees", "Portfolio Turnover", "Drawdown Recovery",
    ];

    private static decimal Value(IReadOnlyList<NamedStatistic> statistics, string name) => statistics.Single(s => s.Name == name).Value;

    private static void Near(double expected, decimal actual, double tolerance = 1e-10) =>
        Assert.InRange((double)actual, expected - tolerance, expected + tolerance);

    [Fact]
    public void Names_come_in_Leans_order_with_their_formats()
    {
        var statistics = PerformanceStatistics.Compute(Input());
        Assert.Equal(LeanOrder, statistics.Select(s => s.Name));
        Assert.Equal(StatisticFormat.Count, statistics[0].Format);
        Assert.All(statistics.Where(s => s.Name is "Start Equity" or "End Equity" or "Total Fees"), s => Assert.Equal(StatisticFormat.Money, s.Format));
        Assert.All(
            statistics.Where(s => s.Name is "Average Win" or "Average Loss" or "Compounding Annual Return" or "Drawdown" or "Net Profit"
                or "Probabilistic Sharpe Ratio" or "Loss Rate" or "Win Rate" or "Portfolio Turnover"),
            s => Assert.Equal(StatisticFormat.Percent, s.Format));
        Assert.Equal(StatisticFormat.Days, statistics[^1].Format);
        // The rest are ratios, as Lean prints them (no % sign): 25 − 1 count − 3 money − 9 percent − 1 days = 11.
        Assert.Equal(11, statistics.Count(s => s.Format == StatisticFormat.Ratio));
    }

    [Fact]
    public void Counts_money_and_the_transaction_record_rates()
    {
        var s = PerformanceStatistics.Compute(Input());

        Assert.Equal(8m, Value(s, "Total Orders"));
        Assert.Equal(42.50m, Value(s, "Total Fees"));
        Assert.Equal(100000m, Value(s, "Start Equity"));
        Assert.Equal(105017.769052812m, Value(s, "End Equity"));
        // Net Profit = 105,017.769052812 / 100,000 − 1.
        Assert.Equal(0.05017769052812m, Value(s, "Net Profit"));

        // Wins +2% and +5%, losses −1% and −2% of the running capital:
        // Average Win (0.02 + 0.05)/2 = 0.035, Average Loss (−0.01 − 0.02)/2 = −0.015,
        // Profit-Loss Ratio 0.035 / 0.015 = 2.333…, Win Rate 2/4, Loss Rate 2/4,
        // Expectancy 0.5 × 2.333… − 0.5 = 0.666… (repeating: compared to 20 places).
        Assert.Equal(0.035m, Value(s, "Average Win"));
        Assert.Equal(-0.015m, Value(s, "Average Loss"));
        Assert.Equal(2.33333333333333333333m, Value(s, "Profit-Loss Ratio"), 20);
        Assert.Equal(0.5m, Value(s, "Win Rate"));
        Assert.Equal(0.5m, Value(s, "Loss Rate"));
        Assert.Equal(0.66666666666666666667m, Value(s, "Expectancy"), 20);
    }

    [Fact]
    public void Drawdown_recovery_turnover_and_compounding_return()
    {
        var s = PerformanceStatistics.Compute(Input());

        // Lean keys day 0 (100,000) at 01-08 and each close at the midnight ending its day, 01-09 … 01-19.
        // Deepest fall: from 102,010 (day 2, key 01-10) to 98,970.102 (day 4): 0.98 × 0.99 − 1 = −0.0298,
        // which Lean rounds to 3 places: 0.030. Equity is back above 102,010 at day 6 (102,958.6, key 01-17):
        // 01-17 − 01-10 = 7 calendar days, the weekend and the holiday included.
        Assert.Equal(0.030m, Value(s, "Drawdown"));
        Assert.Equal(7m, Value(s, "Drawdown Recovery"));

        // Turnover: traded ÷ that day's equity, averaged over all 8 days:
        //   50,000/101,000 = 0.4950495…, 30,000/99,969.8 = 0.3000906…, 20,000/101,939.20506 = 0.1961954…,
        //   10,000/102,958.5971106 = 0.0971264…, 40,000/105,017.769052812 = 0.3808879…, and three 0s
        //   sum 1.4693498… / 8 = 0.18366873074474746261 (to 20 places).
        Assert.Equal(0.18366873074474746261m, Value(s, "Portfolio Turnover"), 20);

        // Compounding Annual Return: 01-08 to 01-19 is 11 days, 11/365 years:
        // 1.05017769052812^(365/11) − 1 = 4.0761911656… (a power: compared to 1e-10).
        Near(4.076191165617565, Value(s, "Compounding Annual Return"));
    }

    [Fact]
    public void Risk_and_benchmark_statistics_from_daily_returns()
    {
        var s = PerformanceStatistics.Compute(Input());

        // Lean drops day 1's return, leaving r = 0.01, −0.02, −0.01, 0.03, 0.01, 0, 0.02 (n = 7):
        // Σr = 0.04, mean 0.04/7 = 0.0057142857; Σr² = 0.002, m₂ = Σ(r − mean)² = 0.002 − 0.04²/7 = 0.0017714286.
        // Annual Variance = m₂/6 × 252 = 0.0017714286 × 42 = 0.0744; Annual Standard Deviation = √0.0744 = 0.2727636339.
        Assert.Equal(0.0744m, Value(s, "Annual Variance"));
        Near(0.2727636339397171, Value(s, "Annual Standard Deviation"));

        // Annual performance = (1 + 0.04/7)^252 − 1 = 4.2034319429 − 1 = 3.2034319429; rf = 0.01.
        // Sharpe = (3.2034319429 − 0.01) / 0.2727636339 = 11.7076895362.
        Near(11.707689536173278, Value(s, "Sharpe Ratio"));

        // Lean's downside deviation: the losing days −0.02 and −0.01 alone, mean −0.015,
        // sample variance (0.005² + 0.005²)/1 = 0.00005, × 252 = 0.0126, √ = 0.1122497216.
        // Sortino = 3.1934319429 / 0.1122497216 = 28.4493529010.
        Near(28.44935290096138, Value(s, "Sortino Ratio"));

        // Benchmark changes from day 2: b = 404/400 − 1 = 0.01, 402/404 − 1 = −0.0049504950, 398/402 − 1 = −0.0099502488,
        // 406/398 − 1 = 0.0201005025, 410/406 − 1 = 0.0098522167, 0, 412.05/410 − 1 = 0.005.
        // Σb = 0.0300519755, mean 0.0042931394; sample var(b) = 0.000103432318; sample cov(r, b) = 0.000154720676.
        // Beta = 0.000154720676 / 0.000103432318 = 1.4958639515.
        Near(1.4958639514789307, Value(s, "Beta"));

        // Benchmark annual performance = (1.0042931394)^252 − 1 = 1.9433707259.
        // Alpha = 3.2034319429 − (0.01 + 1.4958639515 × (1.9433707259 − 0.01)) = 0.3013723692.
        Near(0.30137236924495925, Value(s, "Alpha"));

        // r − b = 0, −0.0150495050, −0.0000497512, 0.0098994975, 0.0001477833, 0, 0.015; sample variance 0.0000892291,
        // Tracking Error = √(0.0000892291 × 252) = 0.1499524037.
        // Information Ratio = (3.2034319429 − 1.9433707259) / 0.1499524037 = 8.4030744833.
        // Treynor = (3.2034319429 − 0.01) / 1.4958639515 = 2.1348411664.
        Near(0.14995240367872661, Value(s, "Tracking Error"));
        Near(8.403074483222321, Value(s, "Information Ratio"));
        Near(2.1348411663823716, Value(s, "Treynor Ratio"));

        // PSR: sample sd(r) = √(0.0017714286/6) = 0.0171824939, observed SR = 0.0057142857 / 0.0171824939 = 0.3325643973;
        // skewness n√(n−1)/(n−2) · m₃/m₂^1.5 = −0.1689641696; excess kurtosis
        // (n²−1)/((n−2)(n−3)) · (n·m₄/m₂² − 3 + 6/(n+1)) = −0.6380853278;
        // σ(SR) = √((1 + 0.1689641696 × 0.3325643973 + (−1.6380853278/4) × 0.3325643973²) / 6) = √(1.0108987853/6) = 0.4104669669;
        // benchmark SR 1/√252 = 0.0629940788; z = (0.3325643973 − 0.0629940788) / 0.4104669669 = 0.6567405911;
        // Φ(z) = ½·erfc(−z/√2) = 0.7443261351.
        Near(0.7443261351429094, Value(s, "Probabilistic Sharpe Ratio"));
    }
}
