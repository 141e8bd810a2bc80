using FsCheck;
using FsCheck.Xunit;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using Orchestrator.Domain.Risk.Stops;

namespace Orchestrator.Domain.Tests.Risk.Stops;

public sealed class ProtectiveStopTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 9, 14, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static Bar Bar(int index, decimal open, decimal high, decimal low, decimal close) =>
        new("AAPL", T0 + (Minute * index), Minute, open, high, low, close, 1_000m);

    /// <summary>Feeds the bars until one exits; returns the exit's bar index and the stops seen after each bar.</summary>
    private static (int? Index, StopExit? Exit, List<decimal> Stops) Run(ProtectiveStop stop, params Bar[] bars)
    {
        var stops = new List<decimal>();
        for (var i = 0; i < bars.Length; i++)
        {
            if (stop.OnBar(bars[i]) is { } exit)
            {
                return (i, exit, stops);
            }

            stops.Add(stop.StopPrice);
        }

        return (null, null, stops);
    }

    [Fact]
    public void A_rearmed_stop_keeps_its_level_and_exits_again_on_the_next_bar_that_reaches_it()
    {
        // Fixed long stop: entry 100, 2% -> 98. Bar 0's low 97.5 reaches it: exit at the stop 98 (opened at 99, above it).
        var stop = ProtectiveStop.Fixed("AAPL", PositionType.Long, 100m, 0.02m);
        Assert.Equal(new StopExit(StopExitKind.StopLoss, 98m, T0 + Minute), stop.OnBar(Bar(0, 99m, 99m, 97.5m, 97.8m)));
        Assert.Equal(0, stop.Refusals);

        // The exit's order was refused: re-armed at 98, counted once (a second Rearm without an exit changes nothing).
        stop.Rearm();
        stop.Rearm();
        Assert.Equal((null, 1, 98m), (stop.Exit, stop.Refusals, stop.StopPrice));

        // Bar 1 opens at 97.80, already through 98: a gap, so the exit is at the open, 97.80, at bar 1's end.
        Assert.Equal(new StopExit(StopExitKind.StopLoss, 97.8m, T0 + (Minute * 2)), stop.OnBar(Bar(1, 97.8m, 98m, 97m, 97.2m)));
    }

    [Fact]
    public void Trailing_long_ratchets_up_holds_on_a_dip_and_exits_on_the_way_down()
    {
        // Entry 100, 1%: stop 99.
        // Bar 0: low 99.5 > 99, no exit; high 102 -> stop 102 x 0.99 = 100.98.
        // Bar 1: low 101 > 100.98; high 105 -> 103.95.
        // Bar 2: low 104 > 103.95; high 104.8 < 105, the stop stays 103.95 (it never loosens).
        // Bar 3: low 103 <= 103.95, opened at 104 above it: exits at the stop, 103.95, at the bar's end.
        var stop = ProtectiveStop.Trailing("AAPL", PositionType.Long, 100m, 0.01m);
        Assert.Equal(99m, stop.StopPrice);

        var (index, exit, stops) = Run(stop,
            Bar(0, 100m, 102m, 99.5m, 101.5m), Bar(1, 101.5m, 105m, 101m, 104.5m), Bar(2, 104.5m, 104.8m, 104m, 104.2m),
            Bar(3, 104m, 104.5m, 103m, 103.2m), Bar(4, 103.2m, 110m, 103m, 109m));

        Assert.Equal([100.98m, 103.95m, 103.95m], stops);
        Assert.Equal(3, index);
        Assert.Equal(new StopExit(StopExitKind.TrailingStop, 103.95m, T0 + (Minute * 4)), exit);
        Assert.Equal(105m, stop.BestPrice);
        Assert.Throws<InvalidOperationException>(() => stop.OnBar(Bar(4, 103.2m, 110m, 103m, 109m)));
    }

    [Fact]
    public void Trailing_short_ratchets_down_and_exits_on_the_way_up()
    {
        // Entry 100, 1%: stop 101.
        // Bar 0: high 100.5 < 101; low 98 -> stop 98 x 1.01 = 98.98.
        // Bar 1: high 98.9 < 98.98; low 95 -> 95.95.
        // Bar 2: high 95.9 < 95.95; low 95.2 > 95, stays 95.95.
        // Bar 3: high 96.5 >= 95.95, opened at 95.8 below it: exits at 95.95.
        var stop = ProtectiveStop.Trailing("AAPL", PositionType.Short, 100m, 0.01m);
        Assert.Equal(101m, stop.StopPrice);

        var (index, exit, stops) = Run(stop,
            Bar(0, 100m, 100.5m, 98m, 98.5m), Bar(1, 98.5m, 98.9m, 95m, 95.5m), Bar(2, 95.5m, 95.9m, 95.2m, 95.8m),
            Bar(3, 95.8m, 96.5m, 95.6m, 96.3m));

        Assert.Equal([98.98m, 95.95m, 95.95m], stops);
        Assert.Equal(3, index);
        Assert.Equal(new StopExit(StopExitKind.TrailingStop, 95.95m, T0 + (Minute * 4)), exit);
    }

    [Fact]
    public void A_gap_below_the_stop_fills_at_the_open()
    {
        // The long's stop stands at 103.95 after two bars; the third opens at 103, below it: fills at 103, not 103.95.
        var stop = ProtectiveStop.Trailing("AAPL", PositionType.Long, 100m, 0.01m);

        var (index, exit, _) = Run(stop, Bar(0, 100m, 102m, 99.5m, 101.5m), Bar(1, 101.5m, 105m, 101m, 104.5m), Bar(2, 103m, 103.5m, 102m, 102.5m));

        Assert.Equal(2, index);
        Assert.Equal(103m, exit!.Price);
    }

    [Fact]
    public void A_fixed_stop_never_moves_and_a_short_gapping_above_it_fills_at_the_open()
    {
        // Long entry 100, 2%: stop 98, still 98 after a run to 110; a bar down to 97.5 from an open of 99 exits at 98.
        var fixedLong = ProtectiveStop.Fixed("AAPL", PositionType.Long, 100m, 0.02m);
        var (index, exit, stops) = Run(fixedLong, Bar(0, 100m, 110m, 99m, 109m), Bar(1, 109m, 109.5m, 98.5m, 99m), Bar(2, 99m, 99.5m, 97.5m, 98m));
        Assert.Equal([98m, 98m], stops);
        Assert.Equal((2, StopExitKind.StopLoss, 98m), (index, exit!.Kind, exit.Price));

        // Short entry 50, 2%: stop 51; a bar opening at 52 exits at 52.
        var fixedShort = ProtectiveStop.Fixed("AAPL", PositionType.Short, 50m, 0.02m);
        Assert.Equal(51m, fixedShort.StopPrice);
        Assert.Equal(52m, fixedShort.OnBar(Bar(0, 52m, 53m, 51.5m, 52.5m))!.Price);
    }

    [Fact]
    public void Take_profit_fills_when_the_bar_trades_through_it_at_the_target_or_a_better_open()
    {
        // Long entry 100, target 105. A high of exactly 105 only touches (the paper exchange's resting-limit rule): no exit.
        // A high of 105.5 from an open of 104: exits at 105. A bar opening at 106: exits at 106.
        var touch = ProtectiveStop.Fixed("AAPL", PositionType.Long, 100m, 0.02m, takeProfit: 105m);
        Assert.Null(touch.OnBar(Bar(0, 103m, 105m, 102m, 104m)));
        Assert.Equal(new StopExit(StopExitKind.TakeProfit, 105m, T0 + (Minute * 2)), touch.OnBar(Bar(1, 104m, 105.5m, 103.5m, 105.2m)));

        var gap = ProtectiveStop.Fixed("AAPL", PositionType.Long, 100m, 0.02m, takeProfit: 105m);
        Assert.Equal(106m, gap.OnBar(Bar(0, 106m, 107m, 105.5m, 106.5m))!.Price);

        // Short entry 100, target 95: a low of 94 from an open of 96 exits at 95.
        var shortTarget = ProtectiveStop.Trailing("AAPL", PositionType.Short, 100m, 0.01m, takeProfit: 95m);
        Assert.Equal(new StopExit(StopExitKind.TakeProfit, 95m, T0 + Minute), shortTarget.OnBar(Bar(0, 96m, 96.5m, 94m, 94.5m)));
    }

    [Fact]
    public void A_bar_reaching_both_levels_exits_at_the_stop_unless_it_opened_beyond_the_target()
    {
        // Long entry 100, stop 98, target 105. A bar from 100 to both 106 and 97: the stop (pessimistic), at 98.
        var both = ProtectiveStop.Fixed("AAPL", PositionType.Long, 100m, 0.02m, takeProfit: 105m);
        Assert.Equal((StopExitKind.StopLoss, 98m), (both.OnBar(Bar(0, 100m, 106m, 97m, 99m))!.Kind, both.Exit!.Price));

        // Opening at 105.5, above the target, then falling to 97: the target came first, filled at the open.
        var opened = ProtectiveStop.Fixed("AAPL", PositionType.Long, 100m, 0.02m, takeProfit: 105m);
        Assert.Equal((StopExitKind.TakeProfit, 105.5m), (opened.OnBar(Bar(0, 105.5m, 106m, 97m, 99m))!.Kind, opened.Exit!.Price));
    }

    [Fact]
    public void A_profile_gives_a_trailing_stop_when_enabled_else_the_fixed_default()
    {
        var trailing = ProtectiveStop.ForProfile(RiskProfile.Default, "AAPL", PositionType.Long, 100m)!;
        Assert.Equal((true, 99m), (trailing.IsTrailing, trailing.StopPrice));

        var fixedStop = ProtectiveStop.ForProfile(RiskProfile.Default with { TrailingStopEnabled = false }, "AAPL", PositionType.Short, 100m, takeProfit: 90m)!;
        Assert.Equal((false, 102m, (decimal?)90m), (fixedStop.IsTrailing, fixedStop.StopPrice, fixedStop.TakeProfit));

        Assert.Null(ProtectiveStop.ForProfile(RiskProfile.None, "AAPL", PositionType.Long, 100m));
    }

    [Property(MaxTest = 300)]
    public bool A_trailing_stop_never_loosens(bool isLong, PositiveInt percentBasisPoints, NonEmptyArray<int> moves)
    {
        // A random walk of bars in cents around 100; the stop must only ever move toward the price.
        var pct = (1 + (percentBasisPoints.Get % 999)) / 10_000m;
        var direction = isLong ? PositionType.Long : PositionType.Short;
        var stop = ProtectiveStop.Trailing("AAPL", direction, 100m, pct);
        var price = 100m;
        var previous = stop.StopPrice;
        var index = 0;
        foreach (var move in moves.Get)
        {
            var open = price;
            var close = Math.Max(1m, price + ((move % 300) / 100m));
            var high = Math.Max(open, close) + (Math.Abs(move % 7) / 100m);
            var low = Math.Max(0.5m, Math.Min(open, close) - (Math.Abs(move % 5) / 100m));
            if (stop.OnBar(Bar(index++, open, high, low, close)) is not null)
            {
                return true;
            }

            if (isLong ? stop.StopPrice < previous : stop.StopPrice > previous)
            {
                return false;
            }

            previous = stop.StopPrice;
            price = close;
        }

        return true;
    }
}
