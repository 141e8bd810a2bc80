using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Backtesting.Trades;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class TradeBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 8, 14, 30, 0, TimeSpan.Zero);

    private static Execution Fill(string symbol, OrderSide side, decimal quantity, decimal price, decimal commission, int minute) =>
        new(Guid.Empty, Guid.Empty, $"t{minute}", symbol, side, quantity, price, commission, Liquidity.Aggressive, T0.AddMinutes(minute));

    [Fact]
    public void Long_round_trip_is_one_trade_with_both_commissions()
    {
        var builder = new TradeBuilder();
        builder.Apply(Fill("AAPL", OrderSide.Buy, 100m, 50m, 1m, 0));
        Assert.Empty(builder.ClosedTrades);
        builder.Apply(Fill("AAPL", OrderSide.Sell, 100m, 55m, 1.5m, 5));

        // Buy 100 @ 50 (fee 1), sell 100 @ 55 (fee 1.5): profit (55 − 50) × 100 = 500, fees 1 + 1.5 = 2.5, net 497.5.
        var trade = Assert.Single(builder.ClosedTrades);
        Assert.Equal(new BacktestTrade("AAPL", TradeDirection.Long, T0, 50m, T0.AddMinutes(5), 55m, 100m, 500m, 2.5m), trade);
        Assert.Equal(497.5m, trade.NetProfitLoss);

        // Lean's transaction record: 500 − 2 × the exit fee 1.5 = 497.
        Assert.Equal([new TransactionRecord(T0.AddMinutes(5), 497m)], builder.TransactionRecords);
    }

    [Fact]
    public void Partial_closes_match_two_lots_first_in_first_out_with_prorated_fees()
    {
        var builder = new TradeBuilder();
        builder.Apply(Fill("MSFT", OrderSide.Buy, 100m, 10m, 2m, 0));
        builder.Apply(Fill("MSFT", OrderSide.Buy, 50m, 12m, 1.5m, 1));
        builder.Apply(Fill("MSFT", OrderSide.Sell, 120m, 13m, 3m, 2));
        builder.Apply(Fill("MSFT", OrderSide.Sell, 30m, 9m, 0.6m, 3));

        // Sell 120 @ 13 (fee 3) closes the first lot whole, then 20 of the second:
        //   100 @ 10 → 13: profit 3 × 100 = 300; fees: entry 2 (all of it) + exit 3 × 100/120 = 2.5 → 4.5
        //    20 @ 12 → 13: profit 1 × 20 = 20;   fees: entry 1.5 × 20/50 = 0.6 + exit 3 × 20/120 = 0.5 → 1.1
        // 30 @ 12 stay open with 1.5 − 0.6 = 0.9 of their fee. Sell 30 @ 9 (fee 0.6) closes them:
        //    30 @ 12 → 9: profit −3 × 30 = −90; fees 0.9 + 0.6 = 1.5
        // Fees add up to the fills' 2 + 1.5 + 3 + 0.6 = 7.1 = 4.5 + 1.1 + 1.5.
        Assert.Equal(
            [
                new BacktestTrade("MSFT", TradeDirection.Long, T0, 10m, T0.AddMinutes(2), 13m, 100m, 300m, 4.5m),
                new BacktestTrade("MSFT", TradeDirection.Long, T0.AddMinutes(1), 12m, T0.AddMinutes(2), 13m, 20m, 20m, 1.1m),
                new BacktestTrade("MSFT", TradeDirection.Long, T0.AddMinutes(1), 12m, T0.AddMinutes(3), 9m, 30m, -90m, 1.5m),
            ],
            builder.ClosedTrades);

        // Lean's record uses the average price (100 × 10 + 50 × 12) / 150 = 1600/150 = 10.666…:
        //   sell 120 @ 13: (13 − 10.666…) × 120 = 280, less 2 × 3 → 274
        //   sell  30 @  9: (9 − 10.666…) × 30 = −50, less 2 × 0.6 → −51.2
        // 1600/150 repeats, so compare to 20 places. Gross 280 − 50 = 230 = 300 + 20 − 90, as FIFO.
        Assert.Equal(2, builder.TransactionRecords.Count);
        Assert.Equal(274m, builder.TransactionRecords[0].ProfitLoss, 20);
        Assert.Equal(-51.2m, builder.TransactionRecords[1].ProfitLoss, 20);
        Assert.Equal(T0.AddMinutes(3), builder.TransactionRecords[1].Time);
    }

    [Fact]
    public void A_fill_through_zero_closes_the_long_and_opens_a_short_with_the_rest_of_its_fee()
    {
        var builder = new TradeBuilder();
        builder.Apply(Fill("TSLA", OrderSide.Buy, 100m, 20m, 1m, 0));
        builder.Apply(Fill("TSLA", OrderSide.Sell, 150m, 22m, 3m, 1));
        builder.Apply(Fill("TSLA", OrderSide.Buy, 50m, 21m, 0.5m, 2));

        // Sell 150 @ 22 (fee 3): closes 100 @ 20 → profit 2 × 100 = 200, fees 1 + 3 × 100/150 = 3;
        // the other 50 open a short at 22 carrying 3 × 50/150 = 1 of the fee.
        // Buy 50 @ 21 (fee 0.5) covers it: profit (22 − 21) × 50 = 50, fees 1 + 0.5 = 1.5.
        Assert.Equal(
            [
                new BacktestTrade("TSLA", TradeDirection.Long, T0, 20m, T0.AddMinutes(1), 22m, 100m, 200m, 3m),
                new BacktestTrade("TSLA", TradeDirection.Short, T0.AddMinutes(1), 22m, T0.AddMinutes(2), 21m, 50m, 50m, 1.5m),
            ],
            builder.ClosedTrades);

        // Lean: the flip records (22 − 20) × 100 = 200 less twice the whole fill's fee 3 → 194 (not prorated);
        // the cover records (22 − 21) × 50 = 50 less 2 × 0.5 → 49.
        Assert.Equal(
            [new TransactionRecord(T0.AddMinutes(1), 194m), new TransactionRecord(T0.AddMinutes(2), 49m)],
            builder.TransactionRecords);
    }

    [Fact]
    public void Short_round_trip_loses_when_bought_back_higher_and_symbols_do_not_mix()
    {
        var builder = new TradeBuilder();
        builder.Apply(Fill("SPY", OrderSide.Sell, 200m, 30m, 2m, 0));
        builder.Apply(Fill("QQQ", OrderSide.Buy, 10m, 400m, 1m, 1));
        builder.Apply(Fill("SPY", OrderSide.Buy, 200m, 31.5m, 2m, 2));

        // Sell 200 @ 30, buy back @ 31.5: profit (30 − 31.5) × 200 = −300, fees 2 + 2 = 4, net −304.
        // The QQQ buy is another symbol's lot and stays open.
        var trade = Assert.Single(builder.ClosedTrades);
        Assert.Equal(new BacktestTrade("SPY", TradeDirection.Short, T0, 30m, T0.AddMinutes(2), 31.5m, 200m, -300m, 4m), trade);
        Assert.Equal(-304m, trade.NetProfitLoss);
        // Lean: −300 − 2 × 2 = −304.
        Assert.Equal([new TransactionRecord(T0.AddMinutes(2), -304m)], builder.TransactionRecords);
    }

    [Fact]
    public void Rejects_fills_out_of_time_order_and_non_positive_quantities()
    {
        var builder = new TradeBuilder();
        builder.Apply(Fill("SPY", OrderSide.Buy, 1m, 10m, 0m, 5));
        Assert.Throws<ArgumentException>(() => builder.Apply(Fill("SPY", OrderSide.Sell, 1m, 10m, 0m, 4)));
        Assert.Throws<ArgumentException>(() => builder.Apply(Fill("SPY", OrderSide.Sell, 0m, 10m, 0m, 6)));
    }
}
