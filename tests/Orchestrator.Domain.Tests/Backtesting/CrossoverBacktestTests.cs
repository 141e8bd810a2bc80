using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies.Pipeline;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class CrossoverBacktestTests
{
    /// <summary>
    /// Closes 10,10,10,11,12,11,10,9,10,11,12,10,9 with SMA(2) against SMA(3):
    /// <code>
    /// bar  close  SMA2    SMA3     sign
    ///  2    10    10      10        0  (both ready, equal: no sign yet)
    ///  3    11    10.5    10.333    +  (first sign: recorded, no cross)
    ///  4    12    11.5    11        +
    ///  5    11    11.5    11.333    +
    ///  6    10    10.5    11        -  cross down (flat, long-only: nothing to close)
    ///  7     9     9.5    10        -
    ///  8    10     9.5     9.667    -
    ///  9    11    10.5    10        +  cross up: BUY
    /// 10    12    11.5    11        +
    /// 11    10    11      11        0  (equal: ignored)
    /// 12     9     9.5    10.333    -  cross down: CLOSE
    /// </code>
    /// </summary>
    private static readonly decimal[] Closes = [10, 10, 10, 11, 12, 11, 10, 9, 10, 11, 12, 10, 9];

    private static readonly DateTimeOffset Open = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero); // 09:30 New York

    [Fact]
    public void Long_only_crossover_trades_exactly_at_the_crossing_bars()
    {
        var result = Run(allowShort: false);

        // Buy at bar 9's close: allocation 0.5 of 10,000 = 5,000 / 11 = 454.5 -> 454 shares (no fees).
        // Close at bar 12's close (9): P&L = (9 - 11) x 454 = -908.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 454m, Bar(9).End, 11m),
            o => AssertOrder(o, OrderSide.Sell, 454m, Bar(12).End, 9m));
        Assert.Equal(10_000m - 908m, result.EndEquity);

        // strategy_executions: the buy opens from flat (ENTRY); the sell closes to flat (EXIT) and realizes
        // (9 - 11) x 454 = -908, i.e. -908 / (11 x 454) = -2/11 of the cost. Fills at the signal's own close: no slippage, no latency.
        Assert.Collection(result.Executions,
            e => Assert.Equal((ExecutionType.Entry, 454m, 11m, 0m, 0, (decimal?)null), (e.Type, e.Quantity, e.Price, e.Slippage, e.LatencyMs, e.ProfitLoss)),
            e => Assert.Equal((ExecutionType.Exit, 454m, 9m, -908m, -2m / 11m), (e.Type, e.Quantity, e.Price, e.ProfitLoss!.Value, e.ProfitLossPercentage!.Value)));
        Assert.Equal(result.Orders.Select(o => o.SignalId), result.Executions.Select(e => e.SignalId));
    }

    [Fact]
    public void Crossover_with_shorts_flips_at_each_cross()
    {
        var result = Run(allowShort: true);

        // Bar 6 (close 10): SELL 5,000 / 10 = 500 shares short; cash 15,000.
        // Bar 9 (close 11): equity = 15,000 - 500 x 11 = 9,500; target +9,500 x 0.5 / 11 = 431.8 -> 431;
        //   buy 500 + 431 = 931; cash 15,000 - 931 x 11 = 4,759.
        // Bar 12 (close 9): equity = 4,759 + 431 x 9 = 8,638; target -8,638 x 0.5 / 9 = 479.9 -> 479;
        //   sell 431 + 479 = 910; cash 4,759 + 910 x 9 = 12,949; end equity = 12,949 - 479 x 9 = 8,638.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Sell, 500m, Bar(6).End, 10m),
            o => AssertOrder(o, OrderSide.Buy, 931m, Bar(9).End, 11m),
            o => AssertOrder(o, OrderSide.Sell, 910m, Bar(12).End, 9m));
        Assert.Equal(8_638m, result.EndEquity);

        // The short opens from flat (ENTRY); each flip closes the old side and opens the new (ADJUSTMENT), realizing
        // on the closed part: short 500 from 10 covered at 11: (11 - 10) x 500 x -1 = -500 (-500 / 5,000 = -0.1);
        // long 431 from 11 sold at 9: (9 - 11) x 431 = -862 (-862 / 4,741).
        Assert.Equal(
            [(ExecutionType.Entry, null, null), (ExecutionType.Adjustment, -500m, -0.1m), (ExecutionType.Adjustment, -862m, -862m / 4_741m)],
            result.Executions.Select(e => (e.Type, e.ProfitLoss, e.ProfitLossPercentage)));
    }

    private static void AssertOrder(BacktestOrder order, OrderSide side, decimal quantity, DateTimeOffset at, decimal price)
    {
        Assert.Equal((side, quantity, at, OrderStatus.Filled, price), (order.Side, order.Quantity, order.SubmittedAt, order.Status, order.AverageFillPrice!.Value));
    }

    private static Bar Bar(int i) => new("XYZ", Open.AddMinutes(i), TimeSpan.FromMinutes(1), Closes[i], Closes[i], Closes[i], Closes[i], 1_000_000m);

    private static BacktestResult Run(bool allowShort)
    {
        var template = MovingAverageCrossover.Definition;
        var parameters = template.Parameters.Resolve(new Dictionary<string, object>
        {
            ["moving_averages.short_period"] = 2,
            ["moving_averages.long_period"] = 3,
            ["allocation"] = 0.5m,
            ["allow_short"] = allowShort,
        }).Parameters!;
        var settings = new BacktestSettings { InitialCapital = 10_000m, FeeModel = new PercentageFeeModel(0m), SlippageModel = new FixedSlippageModel(0m) };
        var day = DateOnly.FromDateTime(Open.UtcDateTime);
        var request = new BacktestRequest(template, parameters, ["XYZ"], day, day, settings);
        return Backtester.Run(request, Enumerable.Range(0, Closes.Length).Select(Bar).ToArray());
    }
}
