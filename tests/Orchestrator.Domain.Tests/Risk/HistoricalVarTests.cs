using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>
/// Historical VaR and expected shortfall on <see cref="TailSeries"/> (its remarks list the sorted tails), with the
/// order statistic k = ⌈N(1 − α)⌉: N = 250 days → k = ⌈12.5⌉ = 13 at 95 %, ⌈2.5⌉ = 3 at 99 %;
/// N = 246 five-day windows → k = ⌈12.3⌉ = 13 at 95 %, ⌈2.46⌉ = 3 at 99 %. All sums are of integers: exact in double.
/// </summary>
public sealed class HistoricalVarTests
{
    private readonly double[] _pnl = TailSeries.DailyPnl();

    [Fact]
    public void One_day_var_is_the_kth_worst_loss()
    {
        // 95 %: the 13th worst day, −1400. 99 %: the 3rd worst day, −4000.
        Assert.Equal(1400.0, HistoricalVar.OneDay(_pnl, 0.95m));
        Assert.Equal(4000.0, HistoricalVar.OneDay(_pnl, 0.99m));
    }

    [Fact]
    public void One_day_expected_shortfall_is_the_mean_of_the_k_worst()
    {
        // 95 %: (5000 + 4500 + 4000 + 3500 + 3000 + 2800 + 2600 + 2400 + 2200 + 2000 + 1800 + 1600 + 1400) ÷ 13
        //     = 36800 ÷ 13 = 2830.7692307692307…
        // 99 %: (5000 + 4500 + 4000) ÷ 3 = 13500 ÷ 3 = 4500.
        Assert.Equal(36800.0 / 13, ExpectedShortfall.OneDay(_pnl, 0.95m), 1e-9);
        Assert.Equal(4500.0, ExpectedShortfall.OneDay(_pnl, 0.99m));
    }

    [Fact]
    public void Five_day_var_comes_from_overlapping_windows_not_square_root_of_time()
    {
        // 95 %: the 13th worst window, −3900. 99 %: the 3rd worst window, −7850.
        // √5 scaling would say √5 × 1400 = 3130.50 and √5 × 4000 = 8944.27: it misses the two-day cluster's shape.
        Assert.Equal(3900.0, HistoricalVar.FiveDay(_pnl, 0.95m));
        Assert.Equal(7850.0, HistoricalVar.FiveDay(_pnl, 0.99m));
    }

    [Fact]
    public void Five_day_expected_shortfall_is_the_mean_of_the_k_worst_windows()
    {
        // 95 %: (8000 + 8000 + 7850 + 7850 + 4900 + 4550 + 4550 + 4400 + 4400 + 4400 + 4050 + 4050 + 3900) ÷ 13
        //     = 70900 ÷ 13 = 5453.846153846154…
        // 99 %: (8000 + 8000 + 7850) ÷ 3 = 23850 ÷ 3 = 7950.
        Assert.Equal(70900.0 / 13, ExpectedShortfall.FiveDay(_pnl, 0.95m), 1e-9);
        Assert.Equal(7950.0, ExpectedShortfall.FiveDay(_pnl, 0.99m));
    }

    [Fact]
    public void Overlapping_windows_are_every_run_of_five_consecutive_days()
    {
        // 250 days → 246 windows; window 17 = days 17…21 = −50 + 100 − 50 − 5000 − 3000 = −8000.
        var windows = PortfolioPnl.OverlappingSums(_pnl, 5);
        Assert.Equal(246, windows.Length);
        Assert.Equal(-8000.0, windows[17]);
        Assert.Equal(200.0, windows[0]);
        Assert.Equal(50.0, windows[1]);
    }

    [Fact]
    public void The_order_statistic_is_computed_in_decimal()
    {
        // 500 days at 99 %: k = ⌈500 × 0.01⌉ = 5, the 5th worst (in binary 500 × (1 − 0.99) = 5.000000000000004 → 6).
        var pnl = Enumerable.Range(1, 500).Select(i => (double)-i).ToArray();
        Assert.Equal(496.0, HistoricalVar.OneDay(pnl, 0.99m));
    }

    [Fact]
    public void Fewer_than_250_daily_returns_is_insufficient_history()
    {
        var short249 = _pnl[..249];
        var error = Assert.Throws<InsufficientHistoryException>(() => HistoricalVar.OneDay(short249, 0.99m));
        Assert.Equal("Insufficient history: 249 daily returns, at least 250 are required.", error.Message);
        Assert.Throws<InsufficientHistoryException>(() => HistoricalVar.FiveDay(short249, 0.95m));
        Assert.Throws<InsufficientHistoryException>(() => ExpectedShortfall.OneDay(short249, 0.95m));
    }
}
