using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies.Templates;
using static Orchestrator.Domain.Tests.Strategies.Templates.TemplateBacktest;

namespace Orchestrator.Domain.Tests.Strategies.Templates;

public sealed class RsiMeanReversionTests
{
    /// <summary>
    /// Closes 10, 11, 10, 8, 8.5, 10, 11, 10 with Wilder's RSI(2) (oversold 30, exit 50, overbought 70): the first
    /// averages are the means of the first two changes, then avg ← (avg × 1 + x) ÷ 2; RSI = 100 × G ÷ (G + L).
    /// <code>
    /// bar  close  change  avg gain  avg loss   RSI
    ///  0   10
    ///  1   11      +1
    ///  2   10      −1     0.5       0.5       50       ready; 30 ≤ 50 ≤ 70: nothing
    ///  3    8      −2     0.25      1.25      16.667   flat, below 30: BUY
    ///  4    8.5    +0.5   0.375     0.625     37.5     long, below 50: hold
    ///  5   10      +1.5   0.9375    0.3125    75       long, at least 50: CLOSE (a long never flips to short)
    ///  6   11      +1     0.96875   0.15625   86.111   flat, above 70: SELL with allow_short
    ///  7   10      −1     0.484375  0.578125  45.588   short, at most 50: CLOSE
    /// </code>
    /// </summary>
    private static readonly decimal[] Closes = [10, 11, 10, 8, 8.5m, 10, 11, 10];

    [Fact]
    public void Long_only_buys_when_oversold_and_exits_when_rsi_reaches_the_exit_level()
    {
        var result = Run(allowShort: false);

        // Bar 3: 0.5 × 10,000 ÷ 8 = 625 shares. Bar 5: sold at 10, P&L (10 − 8) × 625 = 1,250. Bars 6 and 7: flat,
        // RSI 86.1 is above 70 but shorts are not allowed, and 45.6 is neither oversold nor a position's exit.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 625m, End(3), 8m),
            o => AssertOrder(o, OrderSide.Sell, 625m, End(5), 10m));
        Assert.Equal(11_250m, result.EndEquity);
        var trade = Assert.Single(result.Trades);
        Assert.Equal((TradeDirection.Long, 8m, 10m, 625m, 1_250m), (trade.Direction, trade.EntryPrice, trade.ExitPrice, trade.Quantity, trade.ProfitLoss));
    }

    [Fact]
    public void With_shorts_it_sells_when_overbought_and_covers_when_rsi_falls_to_the_exit_level()
    {
        var result = Run(allowShort: true);

        // As long-only to bar 5 (equity 11,250 in cash). Bar 6: 0.5 × 11,250 ÷ 11 = 511.4 -> 511 shares short at 11
        // (cash 16,871). Bar 7: bought back at 10, P&L (11 − 10) × 511 = 511; end equity 11,761.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 625m, End(3), 8m),
            o => AssertOrder(o, OrderSide.Sell, 625m, End(5), 10m),
            o => AssertOrder(o, OrderSide.Sell, 511m, End(6), 11m),
            o => AssertOrder(o, OrderSide.Buy, 511m, End(7), 10m));
        Assert.Equal(11_761m, result.EndEquity);
        Assert.Equal([TradeDirection.Long, TradeDirection.Short], result.Trades.Select(t => t.Direction));
        Assert.Equal(511m, result.Trades[1].ProfitLoss);
    }

    private static DateTimeOffset End(int i) => Open.AddMinutes(i + 1);

    private static BacktestResult Run(bool allowShort) =>
        TemplateBacktest.Run(RsiMeanReversion.Definition, new Dictionary<string, object>
        {
            ["rsi.period"] = 2,
            ["rsi.oversold"] = 30m,
            ["rsi.exit_level"] = 50m,
            ["rsi.overbought"] = 70m,
            ["allocation"] = 0.5m,
            ["allow_short"] = allowShort,
        }, [.. Closes.Select((c, i) => Flat(Open.AddMinutes(i), c))]);
}
