using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies.Templates;
using static Orchestrator.Domain.Tests.Strategies.Templates.TemplateBacktest;

namespace Orchestrator.Domain.Tests.Strategies.Templates;

public sealed class OpeningRangeBreakoutTests
{
    private static readonly DateTimeOffset Day2 = Open.AddDays(1); // Wednesday 3 January, 09:30 New York

    /// <summary>
    /// Two sessions (09:30–16:00 New York = 14:30–21:00 UTC) with range_minutes 2 and exit_minutes_before_close 5:
    /// the bars starting at 14:30 and 14:31 make the range; from the bar that ends at 20:55 (close − 5 minutes) on,
    /// positions are closed and nothing is entered.
    /// <code>
    /// bar  start (UTC)      O     H     L     C     range / decision
    /// day 1
    ///  0   01-02 14:30     10    10.5   9.8  10.2   range 9.8–10.5
    ///  1   01-02 14:31     10.2  10.6   9.9  10.4   range 9.8–10.6
    ///  2   01-02 14:32     10.4  10.55 10.3  10.5   10.5 is not above 10.6: nothing
    ///  3   01-02 14:33     10.5  10.9  10.5  10.8   first close above 10.6: BUY (the session's one entry)
    ///  4   01-02 14:34     10.8  10.8   9.5   9.5   below the low 9.8, but the session has had its entry: nothing
    ///  5   01-02 20:53     11    11    11    11     ends 20:54, before the window: hold
    ///  6   01-02 20:54     11.2  11.2  11.2  11.2   ends 20:55: CLOSE
    ///  7   01-02 20:55     12    12    12    12     in the window, flat, above the range: no entry
    /// day 2 (a new session: a new range and a new entry allowed)
    ///  8   01-03 14:30     20    20.5  19.5  20     range 19.5–20.5
    ///  9   01-03 14:31     20    20.4  19.6  20.2   range 19.5–20.5
    /// 10   01-03 14:32     20.2  20.2  19.4  19.4   below 19.5: SELL with allow_short (long-only: nothing)
    /// 11   01-03 14:33     19.4  21    19.4  21     above 20.5: short: already entered, nothing; long-only: the first
    ///                                               close above the high, BUY
    /// 12   01-03 20:54     20    20    20    20     ends 20:55: CLOSE
    /// </code>
    /// </summary>
    private static readonly Bar[] Bars =
    [
        Bar(Open, 10m, 10.5m, 9.8m, 10.2m),
        Bar(Open.AddMinutes(1), 10.2m, 10.6m, 9.9m, 10.4m),
        Bar(Open.AddMinutes(2), 10.4m, 10.55m, 10.3m, 10.5m),
        Bar(Open.AddMinutes(3), 10.5m, 10.9m, 10.5m, 10.8m),
        Bar(Open.AddMinutes(4), 10.8m, 10.8m, 9.5m, 9.5m),
        Flat(Open.AddMinutes(383), 11m), // 20:53
        Flat(Open.AddMinutes(384), 11.2m), // 20:54
        Flat(Open.AddMinutes(385), 12m), // 20:55
        Bar(Day2, 20m, 20.5m, 19.5m, 20m),
        Bar(Day2.AddMinutes(1), 20m, 20.4m, 19.6m, 20.2m),
        Bar(Day2.AddMinutes(2), 20.2m, 20.2m, 19.4m, 19.4m),
        Bar(Day2.AddMinutes(3), 19.4m, 21m, 19.4m, 21m),
        Flat(Day2.AddMinutes(384), 20m), // 20:54
    ];

    [Fact]
    public void Breakouts_enter_once_per_session_both_ways_and_flatten_before_the_close()
    {
        var result = Run(allowShort: true);

        // Day 1: 0.5 × 10,000 ÷ 10.8 = 462.96 -> 462 shares at 10.8 (cash 5,010.4); sold at 11.2 at 20:55:
        //   P&L 0.4 × 462 = 184.8, equity 10,184.8.
        // Day 2: 0.5 × 10,184.8 ÷ 19.4 = 262.49 -> 262 shares short at 19.4 (cash 15,267.6); the close above the
        //   high at bar 11 is no second entry; bought back at 20 at 20:55: P&L −0.6 × 262 = −157.2, equity 10,027.6.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 462m, Bars[3].End, 10.8m),
            o => AssertOrder(o, OrderSide.Sell, 462m, Bars[6].End, 11.2m),
            o => AssertOrder(o, OrderSide.Sell, 262m, Bars[10].End, 19.4m),
            o => AssertOrder(o, OrderSide.Buy, 262m, Bars[12].End, 20m));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 20, 55, 0, TimeSpan.Zero), Bars[6].End);
        Assert.Equal(10_027.6m, result.EndEquity);
        Assert.Equal(
            [(TradeDirection.Long, 184.8m), (TradeDirection.Short, -157.2m)],
            result.Trades.Select(t => (t.Direction, t.ProfitLoss)));
    }

    [Fact]
    public void Long_only_ignores_the_break_below_and_takes_the_first_close_above_the_high()
    {
        var result = Run(allowShort: false);

        // Day 1 as with shorts (equity 10,184.8). Day 2: bar 10's break below is no entry; bar 11: 0.5 × 10,184.8
        //   ÷ 21 = 242.5 -> 242 shares at 21 (cash 5,102.8); sold at 20 at 20:55: P&L −242, equity 9,942.8.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 462m, Bars[3].End, 10.8m),
            o => AssertOrder(o, OrderSide.Sell, 462m, Bars[6].End, 11.2m),
            o => AssertOrder(o, OrderSide.Buy, 242m, Bars[11].End, 21m),
            o => AssertOrder(o, OrderSide.Sell, 242m, Bars[12].End, 20m));
        Assert.Equal(9_942.8m, result.EndEquity);
    }

    [Fact]
    public void Bars_outside_the_session_do_not_widen_the_range()
    {
        // A pre-market bar (09:00 New York) and an evening one (16:30, which already belongs to the next session's
        // tracking) with extreme highs and lows: were they part of the ranges (9.8–10.6 on day 1, 19.5–20.5 on day 2),
        // neither breakout would happen. They start outside the session, so the trades are the same as without them.
        Bar[] bars =
        [
            Bar(Open.AddMinutes(-30), 10m, 50m, 1m, 10m),
            .. Bars[..8],
            Bar(Open.AddMinutes(420), 12m, 100m, 0.5m, 20m),
            .. Bars[8..],
        ];

        var result = Run(allowShort: true, bars);

        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 462m, Bars[3].End, 10.8m),
            o => AssertOrder(o, OrderSide.Sell, 462m, Bars[6].End, 11.2m),
            o => AssertOrder(o, OrderSide.Sell, 262m, Bars[10].End, 19.4m),
            o => AssertOrder(o, OrderSide.Buy, 262m, Bars[12].End, 20m));
        Assert.Equal(10_027.6m, result.EndEquity);
    }

    [Fact]
    public void Without_sessions_the_session_is_the_utc_day_whatever_the_bars_offset()
    {
        // Always open: the range is the first 2 minutes of the UTC day and the close is the next UTC midnight. The
        // bars carry New York's offset (19:00−05:00 on 1 January is 00:00 UTC on the 2nd), which must not move the
        // day: 00:00 and 00:01 UTC make the range 9.8–10.6, 00:02 closes above it (BUY 462 at 10.8 as on day 1
        // above), and the bar ending at 23:55 UTC (midnight − 5 minutes) closes the position at 11.2.
        var midnight = new DateTimeOffset(2024, 1, 1, 19, 0, 0, TimeSpan.FromHours(-5));
        Bar[] bars =
        [
            Bar(midnight, 10m, 10.5m, 9.8m, 10.2m),
            Bar(midnight.AddMinutes(1), 10.2m, 10.6m, 9.9m, 10.4m),
            Bar(midnight.AddMinutes(2), 10.4m, 10.9m, 10.4m, 10.8m),
            Flat(midnight.AddMinutes(1_433), 11m), // 23:53 UTC
            Flat(midnight.AddMinutes(1_434), 11.2m), // 23:54 UTC, ends 23:55
        ];

        var result = Run(allowShort: true, bars, TradingHours.AlwaysOpen);

        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 462m, bars[2].End, 10.8m),
            o => AssertOrder(o, OrderSide.Sell, 462m, bars[4].End, 11.2m));
        Assert.Equal(10_184.8m, result.EndEquity);
    }

    private static BacktestResult Run(bool allowShort, Bar[]? bars = null, TradingHours? hours = null) =>
        TemplateBacktest.Run(OpeningRangeBreakout.Definition, new Dictionary<string, object>
        {
            ["range_minutes"] = 2,
            ["exit_minutes_before_close"] = 5,
            ["allocation"] = 0.5m,
            ["allow_short"] = allowShort,
        }, bars ?? Bars, hours);
}
