using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies.Templates;
using static Orchestrator.Domain.Tests.Strategies.Templates.TemplateBacktest;

namespace Orchestrator.Domain.Tests.Strategies.Templates;

public sealed class VwapReversionTests
{
    /// <summary>
    /// One session with deviation 1% and exit_minutes_before_close 5 (the window starts with the bar ending at
    /// 20:55 UTC = 15:55 New York). VWAP = Σ typical × volume ÷ Σ volume over the session so far, this bar included,
    /// typical = (H + L + C) ÷ 3; volumes in millions below, so Σ p·v is in price × millions.
    /// <code>
    /// bar  start  H    L    C      typ  vol  Σp·v   Σv  VWAP     (C − VWAP) ÷ VWAP  decision
    ///  0   14:30  100  100  100    100  1    100    1   100       0                 nothing
    ///  1   14:31   97   97   97     97  1    197    2    98.5    −1.523%            flat, below −1%: BUY
    ///  2   14:32  102   97   98     99  2    395    4    98.75   −0.759%            long, below VWAP: hold
    ///  3   14:33   98.5 98.5 98.5  98.5 1    493.5  5    98.7    −0.203%            long, below VWAP: hold (a VWAP of
    ///                                                                               closes would be 98.3: exit here)
    ///  4   14:34   99   99   99     99  1    592.5  6    98.75   +0.253%            long, at or above VWAP: CLOSE
    ///  5   14:35  101  101  101    101  1    693.5  7    99.0714 +1.947%            flat, above +1%: SELL with allow_short
    ///  6   14:36  100  100  100    100  1    793.5  8    99.1875 +0.819%            short, above VWAP: hold
    ///  7   20:54  100.5 100.5 100.5 100.5 1  894    9    99.3333 +1.174%            ends 20:55: CLOSE (flatten)
    ///  8   20:55   90  90   90      90  1    984   10    98.4    −8.537%            in the window: no entry
    /// </code>
    /// </summary>
    private static readonly Bar[] Bars =
    [
        Flat(Open, 100m),
        Flat(Open.AddMinutes(1), 97m),
        Bar(Open.AddMinutes(2), 97m, 102m, 97m, 98m, 2_000_000m),
        Flat(Open.AddMinutes(3), 98.5m),
        Flat(Open.AddMinutes(4), 99m),
        Flat(Open.AddMinutes(5), 101m),
        Flat(Open.AddMinutes(6), 100m),
        Flat(Open.AddMinutes(384), 100.5m), // 20:54
        Flat(Open.AddMinutes(385), 90m), // 20:55
    ];

    [Fact]
    public void Long_only_buys_below_the_band_and_exits_at_the_session_vwap()
    {
        var result = Run(allowShort: false);

        // Bar 1: 0.5 × 10,000 ÷ 97 = 51.5 -> 51 shares at 97 (cash 5,053). Bar 4: sold at 99, P&L 2 × 51 = 102.
        // Bar 5 is 1.9% above VWAP, but shorts are not allowed; bar 8 is 8.5% below, but in the closing window.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 51m, Bars[1].End, 97m),
            o => AssertOrder(o, OrderSide.Sell, 51m, Bars[4].End, 99m));
        Assert.Equal(10_102m, result.EndEquity);
    }

    [Fact]
    public void With_shorts_it_sells_above_the_band_and_is_flat_before_the_close()
    {
        var result = Run(allowShort: true);

        // As long-only to bar 4 (10,102 in cash). Bar 5: 0.5 × 10,102 ÷ 101 = 50.01 -> 50 shares short at 101
        // (cash 15,152). Bar 6 is above VWAP: hold. Bar 7 ends at 20:55: bought back at 100.5 though the close is
        // still above VWAP; P&L 0.5 × 50 = 25, equity 10,127. Bar 8: no entry in the window.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 51m, Bars[1].End, 97m),
            o => AssertOrder(o, OrderSide.Sell, 51m, Bars[4].End, 99m),
            o => AssertOrder(o, OrderSide.Sell, 50m, Bars[5].End, 101m),
            o => AssertOrder(o, OrderSide.Buy, 50m, Bars[7].End, 100.5m));
        Assert.Equal(10_127m, result.EndEquity);
    }

    private static BacktestResult Run(bool allowShort) =>
        TemplateBacktest.Run(VwapReversion.Definition, new Dictionary<string, object>
        {
            ["deviation"] = 0.01m,
            ["exit_minutes_before_close"] = 5,
            ["allocation"] = 0.5m,
            ["allow_short"] = allowShort,
        }, Bars);
}
