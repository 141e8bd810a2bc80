using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Backtesting.Statistics;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class TradeSummaryTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 8, 15, 0, 0, TimeSpan.Zero);

    private static BacktestTrade Trade(decimal profit, decimal fees) =>
        new("AAPL", TradeDirection.Long, T0, 100m, T0.AddHours(1), 100m, 1m, profit, fees);

    [Fact]
    public void Wins_and_losses_are_counted_and_averaged_net_of_fees()
    {
        // Net: 100 − 2 = 98, 50 − 2 = 48, −30 − 2 = −32, 2 − 2 = 0 (break-even: a loss, as in Lean), −60 − 4 = −64.
        var summary = TradeSummary.From([Trade(100m, 2m), Trade(50m, 2m), Trade(-30m, 2m), Trade(2m, 2m), Trade(-60m, 4m)]);

        // Wins 98, 48: average 73, largest 98. Losses −32, 0, −64: average −96/3 = −32, largest −64.
        // Profit factor (98 + 48) / |−32 + 0 − 64| = 146/96 = 1.5208333…; win rate 2/5 = 0.4.
        Assert.Equal(5, summary.TotalTrades);
        Assert.Equal(2, summary.WinningTrades);
        Assert.Equal(3, summary.LosingTrades);
        Assert.Equal(73m, summary.AverageWin);
        Assert.Equal(-32m, summary.AverageLoss);
        Assert.Equal(98m, summary.LargestWin);
        Assert.Equal(-64m, summary.LargestLoss);
        Assert.Equal(1.52083333333333333333m, summary.ProfitFactor, 20);
        Assert.Equal(0.4m, summary.WinRate);
    }

    [Fact]
    public void No_losses_give_profit_factor_zero_and_no_trades_give_zeros()
    {
        // One win of 10 − 1 = 9 and nothing lost: the factor would divide by 0, so it is 0.
        Assert.Equal(new TradeSummary(1, 1, 0, 9m, 0m, 9m, 0m, 0m, 1m), TradeSummary.From([Trade(10m, 1m)]));
        Assert.Equal(new TradeSummary(0, 0, 0, 0m, 0m, 0m, 0m, 0m, 0m), TradeSummary.From([]));
    }
}
