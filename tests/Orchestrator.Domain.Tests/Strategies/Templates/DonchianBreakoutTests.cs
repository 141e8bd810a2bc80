using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies.Templates;
using static Orchestrator.Domain.Tests.Strategies.Templates.TemplateBacktest;

namespace Orchestrator.Domain.Tests.Strategies.Templates;

public sealed class DonchianBreakoutTests
{
    /// <summary>
    /// Donchian(entry 3, exit 2): each bar is measured against the channels of the bars before it (the current bar
    /// joins them only after the decision). Entry: highest high / lowest low of the previous 3 bars; exit: of the
    /// previous 2.
    /// <code>
    /// bar   H     L     C     entry hi/lo   exit hi/lo   decision
    ///  0   11     9    10
    ///  1   11     9    10
    ///  2   11     9    10
    ///  3   12    11    12     11 / 9        11 / 9       flat, 12 above 11: BUY (with the bar itself in the channel,
    ///                                                    12 would not be above 12)
    ///  4   13.5  12    13     12 / 9        12 / 9       long, 13 not below 9: hold
    ///  5   12.5  11.2  11.5   13.5 / 9      13.5 / 11    long, 11.5 not below 11: hold
    ///  6   11.5  10.8  11     13.5 / 11     13.5 / 11.2  long, 11 below 11.2: CLOSE (11 is not below the entry low 11)
    ///  7   11    10.4  10.5   13.5 / 10.8   12.5 / 10.8  flat, 10.5 below 10.8: SELL with allow_short
    ///  8   11.3  10.5  11.2   12.5 / 10.4   11.5 / 10.4  short, 11.2 not above 11.5: hold (long-only: not above 12.5)
    ///  9   11.6  11.1  11.4   11.5 / 10.4   11.3 / 10.4  short, 11.4 above 11.3: CLOSE (long-only: not above 11.5)
    /// </code>
    /// </summary>
    private static readonly Bar[] Bars =
    [
        Bar(Open, 10m, 11m, 9m, 10m),
        Bar(Open.AddMinutes(1), 10m, 11m, 9m, 10m),
        Bar(Open.AddMinutes(2), 10m, 11m, 9m, 10m),
        Bar(Open.AddMinutes(3), 11m, 12m, 11m, 12m),
        Bar(Open.AddMinutes(4), 12m, 13.5m, 12m, 13m),
        Bar(Open.AddMinutes(5), 12.5m, 12.5m, 11.2m, 11.5m),
        Bar(Open.AddMinutes(6), 11.5m, 11.5m, 10.8m, 11m),
        Bar(Open.AddMinutes(7), 11m, 11m, 10.4m, 10.5m),
        Bar(Open.AddMinutes(8), 10.5m, 11.3m, 10.5m, 11.2m),
        Bar(Open.AddMinutes(9), 11.2m, 11.6m, 11.1m, 11.4m),
    ];

    [Fact]
    public void Long_only_breaks_out_above_the_entry_channel_and_exits_below_the_exit_channel()
    {
        var result = Run(allowShort: false);

        // Bar 3: 0.5 × 10,000 ÷ 12 = 416.7 -> 416 shares at 12 (cash 5,008). Bar 6: sold at 11, P&L −416; equity 9,584.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 416m, Bars[3].End, 12m),
            o => AssertOrder(o, OrderSide.Sell, 416m, Bars[6].End, 11m));
        Assert.Equal(9_584m, result.EndEquity);
    }

    [Fact]
    public void With_shorts_it_sells_below_the_entry_channel_and_covers_above_the_exit_channel()
    {
        var result = Run(allowShort: true);

        // As long-only to bar 6 (9,584 in cash). Bar 7: 0.5 × 9,584 ÷ 10.5 = 456.4 -> 456 shares short at 10.5
        // (cash 14,372). Bar 9: bought back at 11.4, P&L −0.9 × 456 = −410.4; equity 9,173.6.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 416m, Bars[3].End, 12m),
            o => AssertOrder(o, OrderSide.Sell, 416m, Bars[6].End, 11m),
            o => AssertOrder(o, OrderSide.Sell, 456m, Bars[7].End, 10.5m),
            o => AssertOrder(o, OrderSide.Buy, 456m, Bars[9].End, 11.4m));
        Assert.Equal(9_173.6m, result.EndEquity);
        Assert.Equal([(TradeDirection.Long, -416m), (TradeDirection.Short, -410.4m)], result.Trades.Select(t => (t.Direction, t.ProfitLoss)));
    }

    private static BacktestResult Run(bool allowShort) =>
        TemplateBacktest.Run(DonchianBreakout.Definition, new Dictionary<string, object>
        {
            ["channel.entry_period"] = 3,
            ["channel.exit_period"] = 2,
            ["allocation"] = 0.5m,
            ["allow_short"] = allowShort,
        }, Bars);
}
