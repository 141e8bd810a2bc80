using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>
/// The composed report, end to end from closes. One position: 1,000 SYN at 100 = 100,000, no cash, portfolio value
/// 100,000. SYN's closes are built so its daily returns are <see cref="TailSeries"/>'s P&amp;L ÷ 100,000 (e.g. −5000 →
/// −5 %), so the book's daily P&amp;L is that series again (to about 1e-11 after the round trip through prices) and
/// every VaR and ES figure is the one worked out in <see cref="HistoricalVarTests"/>. The benchmark has the same closes.
/// </summary>
public sealed class RiskCalculatorTests
{
    private static readonly DailyClose[] SynCloses = Closes.FromReturns(100m, [.. TailSeries.DailyPnl().Select(p => p / 100_000)]);

    [Fact]
    public void The_report_carries_every_var_and_es_figure()
    {
        var report = RiskCalculator.Calculate(Portfolio(1_000m, cash: 0m), History(SynCloses));

        // The row's figures are the 95 % ones (HeadlineConfidence).
        AssertMoney(1400m, report.PortfolioVar1d);
        AssertMoney(3900m, report.PortfolioVar5d);
        AssertMoney(2830.76923077m, report.ExpectedShortfall); // 36800 ÷ 13, rounded to the column's 8 places

        // Historical, as in HistoricalVarTests; √5-scaled: √5 × 1400 = 3130.495168499706, √5 × 4000 = 8944.27190999916.
        // Parametric (mpmath): P&L Σ = 4,900 − 39,000 = −34,100, mean −136.4; Σx² = 111 × 100² + 124 × 50² + 121,900,000
        // = 123,320,000; Σ(x − mean)² = 123,320,000 − 250 × 136.4² = 118,668,760; σ = √(118,668,760 ÷ 249) = 690.34872742828127;
        // 95 %: 1.6448536269514727 σ = 1135.5226081717421, × √5 = 2539.1057418598735;
        // 99 %: 2.3263478740408411 σ = 1605.9912943995822, × √5 = 3591.1057055503432.
        var at95 = report.At95!;
        Assert.Equal(0.95m, at95.Confidence);
        AssertMoney(1400m, at95.HistoricalVar1d);
        AssertMoney(3900m, at95.HistoricalVar5d);
        AssertMoney(3130.49516850m, at95.ScaledVar5d);
        AssertMoney(2830.76923077m, at95.ExpectedShortfall1d);
        AssertMoney(5453.84615385m, at95.ExpectedShortfall5d); // 70900 ÷ 13
        AssertMoney(1135.52260817m, at95.ParametricVar1d);
        AssertMoney(2539.10574186m, at95.ParametricVar5d);

        var at99 = report.At99!;
        AssertMoney(4000m, at99.HistoricalVar1d);
        AssertMoney(7850m, at99.HistoricalVar5d);
        AssertMoney(8944.27191000m, at99.ScaledVar5d);
        AssertMoney(4500m, at99.ExpectedShortfall1d);
        AssertMoney(7950m, at99.ExpectedShortfall5d);
        AssertMoney(1605.99129440m, at99.ParametricVar1d);
        AssertMoney(3591.10570555m, at99.ParametricVar5d);

        Assert.Equal(new HistoryCoverage(250, SynCloses[0].Date, SynCloses[^1].Date, null), report.History);
        Assert.Equal(1.0, report.PortfolioBeta); // weight 100,000 ÷ 100,000 = 1 on the benchmark's own returns
        Assert.Null(report.CorrelationRisk); // one position
    }

    [Fact]
    public void The_snapshot_figures_come_through_unchanged()
    {
        var activity = new TradingActivity(TradedNotional: 250_000m, AveragePortfolioValue: 100_000m);
        var report = RiskCalculator.Calculate(Portfolio(1_000m, cash: 0m), History(SynCloses), activity: activity);

        Assert.Equal(100_000m, report.PortfolioValue);
        Assert.Equal(0m, report.CashBalance);
        Assert.Equal(100_000m, report.InvestedAmount);
        Assert.Equal((100_000m, 0m, 100_000m), (report.LongExposure, report.ShortExposure, report.NetExposure));
        Assert.Equal(1m, report.SymbolConcentrations["SYN"]);
        Assert.Equal(1m, report.SectorConcentrations["Technology"]);
        // 1,000 shares ÷ (0.1 × 5,000 ADV) = 2 days; 1,000 ÷ 5,000 = 0.2 of ADV.
        Assert.Equal([new IlliquidPosition("SYN", 1_000m, 5_000m, 0.2m, 2m)], report.IlliquidPositions);
        Assert.Equal(2.5m, report.PortfolioTurnover); // 250,000 ÷ 100,000
    }

    [Fact]
    public void A_book_levered_two_to_one_into_the_benchmark_has_beta_exactly_2()
    {
        // 2,000 × 100 = 200,000 of SYN (= the benchmark) on a portfolio value of 100,000 (cash −100,000): weight 2.
        var report = RiskCalculator.Calculate(Portfolio(2_000m, cash: -100_000m), History(SynCloses));

        Assert.Equal(2.0, report.PortfolioBeta);
        AssertMoney(2 * 4000m, report.At99!.HistoricalVar1d);
    }

    [Fact]
    public void Fewer_than_250_daily_returns_is_reported_as_insufficient_history()
    {
        // 250 closes are 249 returns: the history-based figures are null, the snapshot's are still there.
        var report = RiskCalculator.Calculate(Portfolio(1_000m, cash: 0m), History(SynCloses[..250]));

        Assert.Equal("Insufficient history: 249 daily returns, at least 250 are required.", report.History.Problem);
        Assert.Equal(249, report.History.DailyReturns);
        Assert.False(report.History.IsSufficient);
        Assert.Null(report.PortfolioVar1d);
        Assert.Null(report.PortfolioVar5d);
        Assert.Null(report.ExpectedShortfall);
        Assert.Null(report.PortfolioBeta);
        Assert.Null(report.At95);
        Assert.Null(report.At99);
        Assert.Equal(100_000m, report.LongExposure);
    }

    [Fact]
    public void A_benchmark_gap_shortens_the_calendar_for_every_figure()
    {
        // 251 closes for SYN, but the benchmark misses day 100: 250 common dates, 249 returns.
        var benchmark = SynCloses.Where((_, t) => t != 100).ToArray();
        var report = RiskCalculator.Calculate(Portfolio(1_000m, cash: 0m), History(SynCloses, benchmark));

        Assert.Equal("Insufficient history: 249 daily returns, at least 250 are required.", report.History.Problem);
    }

    [Fact]
    public void A_held_symbol_without_closes_is_insufficient_history()
    {
        var portfolio = new PortfolioSnapshot([new Holding("NOPE", 10m, 5m)], 0m, 50m);

        var report = RiskCalculator.Calculate(portfolio, History(SynCloses));

        Assert.Equal("Insufficient history: no closes for NOPE.", report.History.Problem);
        Assert.Equal(0, report.History.DailyReturns);
    }

    [Fact]
    public void An_all_cash_book_has_no_risk_but_a_full_history()
    {
        // No positions: the P&L is 0 every day, so every VaR and ES is 0 and the portfolio's return has beta 0.
        var report = RiskCalculator.Calculate(new PortfolioSnapshot([], 50_000m, 50_000m), History(SynCloses));

        Assert.Equal(250, report.History.DailyReturns);
        Assert.Equal(0m, report.PortfolioVar1d);
        Assert.Equal(0m, report.At99!.MonteCarloVar1d);
        Assert.Equal(0.0, report.PortfolioBeta);
        Assert.Empty(report.SymbolConcentrations);
        Assert.Equal(0m, report.InvestedAmount);
    }

    [Fact]
    public void A_symbol_listed_twice_is_rejected()
    {
        var portfolio = new PortfolioSnapshot([new Holding("SYN", 1m, 100m), new Holding("SYN", 2m, 100m)], 0m, 300m);
        Assert.Throws<ArgumentException>(() => RiskCalculator.Calculate(portfolio, History(SynCloses)));
    }

    [Fact]
    public void The_figures_do_not_depend_on_the_order_positions_are_listed_in()
    {
        // Three symbols, so the Cholesky order matters to the simulated paths; the calculator sorts by symbol.
        var returns = NormalReturns.Generate(seed: 17, days: 260, 1.0, 0.7, 1.2);
        var closes = new Dictionary<string, IReadOnlyList<DailyClose>>
        {
            ["A"] = Closes.FromReturns(50m, returns[0]),
            ["B"] = Closes.FromReturns(80m, returns[1]),
            ["C"] = Closes.FromReturns(20m, returns[2]),
        };
        var history = new PriceHistory(closes, "A", closes["A"]);
        Holding[] positions = [new("A", 100m, 50m), new("B", -40m, 80m), new("C", 300m, 20m)];

        var forward = RiskCalculator.Calculate(new PortfolioSnapshot(positions, 10_000m, 14_800m), history);
        var backward = RiskCalculator.Calculate(new PortfolioSnapshot([.. positions.Reverse()], 10_000m, 14_800m), history);

        Assert.Equal(forward.At99, backward.At99);
        Assert.Equal(forward.At95, backward.At95);
        Assert.Equal(forward.PortfolioBeta, backward.PortfolioBeta);
        Assert.Equal(forward.CorrelationRisk, backward.CorrelationRisk);
    }

    private static PortfolioSnapshot Portfolio(decimal shares, decimal cash) =>
        new([new Holding("SYN", shares, 100m, "Technology", 5_000m)], cash, cash + shares * 100m);

    private static PriceHistory History(DailyClose[] syn, DailyClose[]? benchmark = null) =>
        new(new Dictionary<string, IReadOnlyList<DailyClose>> { ["SYN"] = syn }, "BMK", benchmark ?? syn);

    /// <summary>Within 1e-6 of the hand value: prices carry the returns to about 1e-16, P&amp;Ls to about 1e-11.</summary>
    private static void AssertMoney(decimal expected, decimal? actual)
    {
        Assert.NotNull(actual);
        Assert.InRange(actual.Value, expected - 0.000001m, expected + 0.000001m);
    }
}
