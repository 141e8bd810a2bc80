using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Tests.Backtesting;

/// <summary>
/// Buy-and-hold over a known synthetic series: the order, the fee, the equity curve and all 25 statistics against
/// values worked out by hand (with python's fractions and mpmath as the calculator, never the code under test).
/// </summary>
/// <remarks>
/// <para><b>The series.</b> Nine weekdays, Tuesday 2024-01-02 to Friday 2024-01-12 (the default calendar has no holidays).
/// Each day has one 1-minute bar per symbol at 15:59 New York (20:59 UTC; it ends at the 16:00 close), open = high =
/// low = close, volume 10,000,000 (25% of it is far more than the order). "SYN" is traded, "BMK" is the benchmark.
/// Settings: capital 100,000; $0.005 a share with a $1 minimum; no slippage; allocation 1.0 (the default).</para>
/// <para><b>The order.</b> On day 1 (close 625) the budget is 100,000 × 1.0 ÷ 1 symbol = 100,000:
/// floor(100,000 ÷ 625) = 160 shares, but 160 × 625 + max(160 × 0.005, 1) = 100,001 &gt; 100,000, so 159:
/// 99,375 + max(0.795, 1) = 99,376 ≤ 100,000. One market buy of 159 at 625, fee $1.00 (the minimum);
/// cash left = 100,000 − 99,375 − 1 = 624. Equity each day = 624 + 159 × close.</para>
/// <code>
/// day date   SYN  equity   peak     curve drawdown             Lean return r (from day 2)  BMK  benchmark b
///  0  01-02  —    100,000  100,000  0                          —                           —    —
///  1  01-02  625   99,999  100,000  1/100,000 = 0.00001        (dropped)                   400  —
///  2  01-03  630  100,794  100,794  0                          +0.007950079501             404  +0.01
///  3  01-04  615   98,409  100,794  2,385/100,794 = 0.0236621  −0.023662122745             398  −0.0148514851
///  4  01-05  600   96,024  100,794  4,770/100,794 = 0.0473242  −0.024235588208             393  −0.0125628141
///  5  01-08  620   99,204  100,794  1,590/100,794 = 0.0157747  +0.033116720820             399  +0.0152671756
///  6  01-09  640  102,384  102,384  0                          +0.032055159066             407  +0.0200501253
///  7  01-10  635  101,589  102,384    795/102,384 = 0.0077649  −0.007764885138             409  +0.0049140049
///  8  01-11  650  103,974  103,974  0                          +0.023476951245             414  +0.0122249389
///  9  01-12  660  105,564  105,564  0                          +0.015292284610             416  +0.0048309179
/// </code>
/// r is Lean's Math.Round((E − E_prev) × 100 ÷ E_prev, 10) ÷ 100, e.g. day 2: 795/99,999 = 0.79500795007…% → 0.7950079501%.
/// Lean drops the first two samples (day 0 and day 1's return), so r and b have n = 8 values each, from day 2;
/// b = close ÷ previous close − 1 (closes under 1,000 keep 7 significant digits: unchanged).
/// <para><b>The statistics</b> (Lean's formulas, as PerformanceStatistics documents them; D = 252, rf = 0):</para>
/// <list type="bullet">
/// <item>Total Orders 1; Total Fees 1; Start Equity 100,000; End Equity 105,564.</item>
/// <item>No sell, so Lean's transaction record is empty: Average Win, Average Loss, Profit-Loss Ratio, Win Rate,
/// Loss Rate and Expectancy (Win Rate × Profit-Loss Ratio − Loss Rate) are all 0.</item>
/// <item>Net Profit = 105,564 ÷ 100,000 − 1 = 0.05564.</item>
/// <item>Compounding Annual Return: the last close is keyed at 01-13, the start at 01-02: 11 days = 11/365 years;
/// 1.05564^(365/11) − 1 = 5.0297354957854564.</item>
/// <item>Drawdown: deepest equity ÷ running high − 1 over day 0..9 is 96,024 ÷ 100,794 − 1 = −0.0473242455, rounded to
/// 3 places: 0.047. Drawdown Recovery: the high 100,794 (day 2, key 01-04) is first regained on day 6 (102,384, key
/// 01-10): 6 calendar days.</item>
/// <item>Portfolio Turnover: day 1 traded 159 × 625 = 99,375 on equity 99,999, the other 8 days nothing:
/// (99,375 ÷ 99,999) ÷ 9 = 33,125/299,997 = 0.11041777084437511042.</item>
/// <item>Σr = 0.056228599151, mean r = 0.007028574893875; sample variance Σ(r − mean)² ÷ 7 = 0.00054068881464643;
/// Annual Variance = × 252 = 0.13625358129090008; Annual Standard Deviation = √ = 0.36912542758647782.</item>
/// <item>Annual performance = (1 + mean r)^252 − 1 = 1.007028574893875^252 − 1 = 4.8416037721494570;
/// benchmark: mean b = 0.0049841079163303, 1.0049841079163303^252 − 1 = 2.5003940525248392.</item>
/// <item>Sharpe Ratio = (4.8416037721494570 − 0) ÷ 0.36912542758647782 = 13.116419001005228.</item>
/// <item>Sortino Ratio: the losing days −0.023662122745, −0.024235588208, −0.007764885138 (mean −0.018554198697),
/// sample variance 0.0000873891809651, × 252 = 0.0220220736032, √ = 0.14839836118776;
/// 4.8416037721494570 ÷ 0.14839836118776 = 32.625722638700038.</item>
/// <item>Beta = sample cov(r, b) ÷ sample var(b) = 0.00027516691008171 ÷ 0.00015881268172275 = 1.7326507373138384.</item>
/// <item>Alpha = 4.8416037721494570 − (0 + 1.7326507373138384 × (2.5003940525248392 − 0)) = 0.50929417346715807.</item>
/// <item>Tracking Error: r − b = −0.0020499205, −0.0088106376, −0.0116727740, 0.0178495452, 0.0120050338, −0.0126788900,
/// 0.0112520124, 0.0104613667; sample variance 0.00014916767620576, × 252 = 0.037590254403852, √ = 0.19388206313078996.</item>
/// <item>Information Ratio = (4.8416037721494570 − 2.5003940525248392) ÷ 0.19388206313078996 = 12.075432259276468.</item>
/// <item>Treynor Ratio = (4.8416037721494570 − 0) ÷ 1.7326507373138384 = 2.7943333690294029.</item>
/// <item>Probabilistic Sharpe Ratio: sample sd(r) = 0.023252716285338, observed SR = mean ÷ sd = 0.30226898258363173;
/// skewness n√(n − 1)/(n − 2) · m₃/m₂^1.5 = −0.36753393198896134; excess kurtosis
/// (n² − 1)/((n − 2)(n − 3)) · (n·m₄/m₂² − 3 + 6/(n + 1)) = −1.5882143540965114;
/// σ(SR) = √((1 − skew·SR + (kurt − 1)/4 · SR²) ÷ 7) = 0.38766241969600872; SR* = 1/√252 = 0.062994078834871;
/// z = (SR − SR*) ÷ σ(SR) = 0.61722491423437825; Φ(z) = 0.73145680765585831.</item>
/// </list>
/// With rf = 0.05 only the four ratios that subtract it change:
/// Sharpe (4.8416037721494570 − 0.05) ÷ 0.36912542758647782 = 12.980963688899193;
/// Sortino 4.7916037721494570 ÷ 0.14839836118776 = 32.288791694181465;
/// Alpha 4.8416037721494570 − (0.05 + 1.7326507373138384 × (2.5003940525248392 − 0.05)) = 0.54592671033284999;
/// Treynor 4.7916037721494570 ÷ 1.7326507373138384 = 2.7654758509369130.
/// <para>Irrational values are compared to 1e-10 relative: the code, like Lean, works them in double and casts to decimal
/// (15 significant digits), and (1 + mean)^252 magnifies the rounding of 1 + mean (up to 1.1e-16) 252-fold, so e.g. the
/// benchmark's annual performance is off by about 4e-14 relative and Alpha, a difference, by about 2e-13.</para>
/// </remarks>
public sealed class BuyAndHoldBacktestTests
{
    private static readonly DateOnly FirstDay = new(2024, 1, 2);
    private static readonly DateOnly LastDay = new(2024, 1, 12);

    private static readonly (DateOnly Day, decimal Syn, decimal Bmk)[] Series =
    [
        (new(2024, 1, 2), 625m, 400m),
        (new(2024, 1, 3), 630m, 404m),
        (new(2024, 1, 4), 615m, 398m),
        (new(2024, 1, 5), 600m, 393m),
        (new(2024, 1, 8), 620m, 399m),
        (new(2024, 1, 9), 640m, 407m),
        (new(2024, 1, 10), 635m, 409m),
        (new(2024, 1, 11), 650m, 414m),
        (new(2024, 1, 12), 660m, 416m),
    ];

    /// <summary>The day's bar start: 15:59 New York is 20:59 UTC in January (EST).</summary>
    private static DateTimeOffset BarStart(DateOnly day) => new(day.ToDateTime(new TimeOnly(20, 59)), TimeSpan.Zero);

    private static DateTimeOffset BarEnd(DateOnly day) => BarStart(day).AddMinutes(1);

    [Fact]
    public void The_single_order_buys_159_shares_at_625_for_the_1_dollar_minimum_fee()
    {
        var result = Run(riskFreeRate: 0m);

        var order = Assert.Single(result.Orders);
        Assert.Equal(
            ("SYN", OrderSide.Buy, OrderType.Market, 159m, BarEnd(FirstDay), OrderStatus.Filled, 159m, (decimal?)625m, 1m, (string?)null),
            (order.Symbol, order.Side, order.Type, order.Quantity, order.SubmittedAt, order.Status, order.FilledQuantity,
                order.AverageFillPrice, order.Fees, order.RejectionReason));
        Assert.Empty(result.Trades); // never sold: the position stays open, as in Lean
        Assert.Equal(18, result.BarsProcessed);
        Assert.Equal(105_564m, result.EndEquity);
    }

    [Fact]
    public void Equity_curve_is_624_cash_plus_159_shares_at_each_close()
    {
        var result = Run(riskFreeRate: 0m);

        // (time, equity, drawdown below the running high, the drawdowns to 20 places).
        (DateTimeOffset Time, decimal Equity, decimal Drawdown)[] expected =
        [
            (new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.FromHours(-5)), 100_000m, 0m),
            (BarEnd(Series[0].Day), 99_999m, 0.00001m),
            (BarEnd(Series[1].Day), 100_794m, 0m),
            (BarEnd(Series[2].Day), 98_409m, 0.02366212274540151199m), // 2,385 / 100,794
            (BarEnd(Series[3].Day), 96_024m, 0.04732424549080302399m), // 4,770 / 100,794
            (BarEnd(Series[4].Day), 99_204m, 0.01577474849693434133m), // 1,590 / 100,794
            (BarEnd(Series[5].Day), 102_384m, 0m),
            (BarEnd(Series[6].Day), 101_589m, 0.00776488513830285982m), // 795 / 102,384
            (BarEnd(Series[7].Day), 103_974m, 0m),
            (BarEnd(Series[8].Day), 105_564m, 0m),
        ];

        Assert.Equal(expected.Length, result.EquityCurve.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var point = result.EquityCurve[i];
            Assert.Equal(expected[i].Time, point.Time);
            Assert.Equal(expected[i].Equity, point.Equity);
            Assert.Equal(expected[i].Drawdown, point.Drawdown, 20);
        }
    }

    [Fact]
    public void All_25_statistics_equal_the_hand_computed_values()
    {
        var result = Run(riskFreeRate: 0m);
        Assert.Equal(25, result.Statistics.Count);

        // Exact: counts, money and rational values.
        Assert.Equal(1m, result.Statistic("Total Orders"));
        Assert.Equal(0m, result.Statistic("Average Win"));
        Assert.Equal(0m, result.Statistic("Average Loss"));
        Assert.Equal(0m, result.Statistic("Expectancy"));
        Assert.Equal(0m, result.Statistic("Loss Rate"));
        Assert.Equal(0m, result.Statistic("Win Rate"));
        Assert.Equal(0m, result.Statistic("Profit-Loss Ratio"));
        Assert.Equal(100_000m, result.Statistic("Start Equity"));
        Assert.Equal(105_564m, result.Statistic("End Equity"));
        Assert.Equal(0.05564m, result.Statistic("Net Profit"));
        Assert.Equal(0.047m, result.Statistic("Drawdown"));
        Assert.Equal(6m, result.Statistic("Drawdown Recovery"));
        Assert.Equal(1.00m, result.Statistic("Total Fees"));
        Assert.Equal(0.11041777084437511042m, result.Statistic("Portfolio Turnover"), 20); // 33,125 / 299,997

        // Irrational: to 1e-10 relative.
        Near(5.0297354957854564, result.Statistic("Compounding Annual Return"));
        Near(0.13625358129090008, result.Statistic("Annual Variance"));
        Near(0.36912542758647782, result.Statistic("Annual Standard Deviation"));
        Near(13.116419001005228, result.Statistic("Sharpe Ratio"));
        Near(32.625722638700038, result.Statistic("Sortino Ratio"));
        Near(0.73145680765585831, result.Statistic("Probabilistic Sharpe Ratio"));
        Near(1.7326507373138384, result.Statistic("Beta"));
        Near(0.50929417346715807, result.Statistic("Alpha"));
        Near(0.19388206313078996, result.Statistic("Tracking Error"));
        Near(12.075432259276468, result.Statistic("Information Ratio"));
        Near(2.7943333690294029, result.Statistic("Treynor Ratio"));
    }

    [Fact]
    public void A_risk_free_rate_moves_only_sharpe_sortino_alpha_and_treynor()
    {
        var withoutRate = Run(riskFreeRate: 0m);
        var result = Run(riskFreeRate: 0.05m);

        Near(12.980963688899193, result.Statistic("Sharpe Ratio"));
        Near(32.288791694181465, result.Statistic("Sortino Ratio"));
        Near(0.54592671033284999, result.Statistic("Alpha"));
        Near(2.7654758509369130, result.Statistic("Treynor Ratio"));

        string[] moved = ["Sharpe Ratio", "Sortino Ratio", "Alpha", "Treynor Ratio"];
        Assert.Equal(
            withoutRate.Statistics.Where(s => !moved.Contains(s.Name)),
            result.Statistics.Where(s => !moved.Contains(s.Name)));
    }

    [Fact]
    public void The_same_backtest_run_twice_serializes_to_identical_json()
    {
        var first = RunCrossover();
        var second = RunCrossover();

        Assert.NotEmpty(first.Orders);
        Assert.NotEmpty(first.Trades);
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(first, options), JsonSerializer.SerializeToUtf8Bytes(second, options));
    }

    private static void Near(double expected, decimal actual, double relative = 1e-10) =>
        Assert.InRange((double)actual, expected - (Math.Abs(expected) * relative), expected + (Math.Abs(expected) * relative));

    private static Bar Bar(string symbol, DateOnly day, decimal close) =>
        new(symbol, BarStart(day), TimeSpan.FromMinutes(1), close, close, close, close, 10_000_000m);

    private static BacktestResult Run(decimal riskFreeRate)
    {
        var template = BuyAndHold.Definition;
        var parameters = template.Parameters.Resolve(new Dictionary<string, object>()).Parameters!;
        var settings = new BacktestSettings
        {
            InitialCapital = 100_000m,
            FeeModel = new PerShareFeeModel(0.005m, 1m),
            SlippageModel = new FixedSlippageModel(0m),
            BenchmarkSymbol = "BMK",
            RiskFreeRate = riskFreeRate,
        };
        var request = new BacktestRequest(template, parameters, ["SYN"], FirstDay, LastDay, settings);
        var bars = Series.SelectMany(d => new[] { Bar("SYN", d.Day, d.Syn), Bar("BMK", d.Day, d.Bmk) }).ToArray();
        return Backtester.Run(request, bars);
    }

    /// <summary>A 5/20 SMA crossover, long and short, on three synthetic symbols over three days of 1-minute bars.</summary>
    private static BacktestResult RunCrossover()
    {
        var generator = new SyntheticBarGenerator(2024);
        var symbols = generator.Symbols(3);
        var first = new DateOnly(2024, 3, 4);
        var template = MovingAverageCrossover.Definition;
        var parameters = template.Parameters.Resolve(new Dictionary<string, object>
        {
            ["moving_averages.short_period"] = 5,
            ["moving_averages.long_period"] = 20,
            ["allocation"] = 0.3m,
            ["allow_short"] = true,
        }).Parameters!;
        var settings = new BacktestSettings { BenchmarkSymbol = symbols[0].Symbol };
        var request = new BacktestRequest(template, parameters, [.. symbols.Select(s => s.Symbol)], first, first.AddDays(2), settings);
        return Backtester.Run(request, generator.Bars(symbols, first, 3));
    }
}
