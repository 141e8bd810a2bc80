using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using Orchestrator.Domain.Risk.Rules;
using static Orchestrator.Domain.Tests.Risk.RiskKit;

namespace Orchestrator.Domain.Tests.Risk.Rules;

/// <summary>max_position_size, max_long_positions, max_short_positions, min_cash_percentage: under, over, and a reducing order with the limit breached.</summary>
public sealed class PositionRulesTests
{
    [Fact]
    public void Max_position_size_passes_one_unit_under_and_rejects_one_over()
    {
        var context = Context(RiskProfile.None with { MaxPositionSize = 10_000m }, 1_000_000m);
        var rule = MaxPositionSizeRule.Instance;

        // 100 x $100 = $10,000 = the limit: passes. 101 x $100 = $10,100: rejects.
        Assert.Null(rule.Check(context, Buy(100m), 100m));
        Assert.Equal(
            new LimitViolation("max_position_size", 10_100m, 10_000m, "max_position_size: AAPL would be worth 10100.00, above the limit 10000.00"),
            rule.Check(context, Buy(101m), 100m));
        // A short is measured the same way: |-101| x $100.
        Assert.Equal(10_100m, rule.Check(context, Sell(101m), 100m)!.Value);
    }

    [Fact]
    public void Max_position_size_counts_the_working_orders_on_the_orders_side()
    {
        // 40 held + 30 working buys + 30 = 100 x $100 = $10,000: passes; + 31 = 101 x $100: rejects.
        var context = Context(RiskProfile.None with { MaxPositionSize = 10_000m }, 1_000_000m,
            new RiskPosition("AAPL", 40m, 100m, PendingBuy: 30m, PendingSell: 500m));

        Assert.Null(MaxPositionSizeRule.Instance.Check(context, Buy(30m), 100m));
        Assert.Equal(10_100m, MaxPositionSizeRule.Instance.Check(context, Buy(31m), 100m)!.Value);
    }

    [Fact]
    public void Max_position_size_passes_a_reducing_order_when_already_breached()
    {
        // 200 held at $100 = $20,000, twice the limit: selling 50 reduces and passes; buying 1 (201 x $100) does not.
        var context = Context(RiskProfile.None with { MaxPositionSize = 10_000m }, 1_000_000m, Long("AAPL", 200m, 100m));

        Assert.Null(MaxPositionSizeRule.Instance.Check(context, Sell(50m), 100m));
        Assert.Equal(20_100m, MaxPositionSizeRule.Instance.Check(context, Buy(1m), 100m)!.Value);
    }

    [Fact]
    public void Max_long_positions_passes_the_limits_last_symbol_and_rejects_the_next()
    {
        var profile = RiskProfile.None with { MaxLongPositions = 2 };
        var rule = MaxLongPositionsRule.Instance;

        // One long held: a second symbol makes 2 = the limit, passes.
        Assert.Null(rule.Check(Context(profile, 100_000m, Long("MSFT", 10m, 100m)), Buy(1m), 100m));

        // Two held: a third makes 3 > 2, rejects; adding to a long already held keeps 2, passes.
        var full = Context(profile, 100_000m, Long("MSFT", 10m, 100m), Long("XOM", 10m, 100m));
        Assert.Equal(
            new LimitViolation("max_long_positions", 3m, 2m, "max_long_positions: 3 symbols would be held long, above the limit 2"),
            rule.Check(full, Buy(1m), 100m));
        Assert.Null(rule.Check(full, Buy(1m, "MSFT"), 100m));
    }

    [Fact]
    public void Max_long_positions_counts_a_short_flipped_long_and_passes_a_reduction_when_breached()
    {
        // Three longs against a limit of 2 (the limit was lowered): selling part of one passes.
        var context = Context(RiskProfile.None with { MaxLongPositions = 2 }, 100_000m,
            Long("MSFT", 10m, 100m), Long("XOM", 10m, 100m), Long("CVX", 10m, 100m), Short("AAPL", 5m, 100m));

        Assert.Null(MaxLongPositionsRule.Instance.Check(context, Sell(5m, "MSFT"), 100m));
        // Buying 5 AAPL covers the short (reduces): passes. Buying 6 flips it to a 4th long: rejects.
        Assert.Null(MaxLongPositionsRule.Instance.Check(context, Buy(5m), 100m));
        Assert.Equal(4m, MaxLongPositionsRule.Instance.Check(context, Buy(6m), 100m)!.Value);
    }

    [Fact]
    public void Max_short_positions_passes_the_limits_last_symbol_and_rejects_the_next()
    {
        var profile = RiskProfile.None with { MaxShortPositions = 1 };
        var rule = MaxShortPositionsRule.Instance;

        // No short held: a first makes 1 = the limit, passes.
        Assert.Null(rule.Check(Context(profile, 100_000m), Sell(1m), 100m));

        // One held: a second symbol makes 2 > 1, rejects; adding to the short held passes.
        var full = Context(profile, 100_000m, Short("MSFT", 10m, 100m));
        Assert.Equal(
            new LimitViolation("max_short_positions", 2m, 1m, "max_short_positions: 2 symbols would be held short, above the limit 1"),
            rule.Check(full, Sell(1m), 100m));
        Assert.Null(rule.Check(full, Sell(1m, "MSFT"), 100m));
    }

    [Fact]
    public void Max_short_positions_passes_a_reduction_when_breached()
    {
        // Two shorts against a limit of 1: buying back part of one passes.
        var context = Context(RiskProfile.None with { MaxShortPositions = 1 }, 100_000m, Short("MSFT", 10m, 100m), Short("XOM", 10m, 100m));

        Assert.Null(MaxShortPositionsRule.Instance.Check(context, Buy(4m, "XOM"), 100m));
        Assert.Equal(3m, MaxShortPositionsRule.Instance.Check(context, Sell(1m), 100m)!.Value);
    }

    [Fact]
    public void Min_cash_percentage_passes_one_unit_under_and_rejects_one_over()
    {
        var context = Context(RiskProfile.None with { MinCashPercentage = 0.05m }, 100_000m);
        var rule = MinCashPercentageRule.Instance;

        // Equity $100,000. 950 x $100: cash 100,000 - 95,000 = 5,000 = 0.05 of equity, passes.
        // 951 x $100: cash 4,900 = 0.049, rejects.
        Assert.Null(rule.Check(context, Buy(950m), 100m));
        Assert.Equal(
            new LimitViolation("min_cash_percentage", 0.049m, 0.05m, "min_cash_percentage: cash would be 0.0490 of equity, below the limit 0.0500"),
            rule.Check(context, Buy(951m), 100m));
        // A short sale's proceeds sit in cash: selling 951 short raises cash to 195,100.
        Assert.Null(rule.Check(context, Sell(951m), 100m));
    }

    [Fact]
    public void Min_cash_percentage_passes_a_reduction_when_breached()
    {
        // 1,000 AAPL at $100 and no cash: equity $100,000, cash 0.00 of it. Selling 10 passes; buying 1 (cash -100) does not.
        var context = Context(RiskProfile.None with { MinCashPercentage = 0.05m }, 0m, Long("AAPL", 1_000m, 100m));

        Assert.Null(MinCashPercentageRule.Instance.Check(context, Sell(10m), 100m));
        Assert.Equal(-0.001m, MinCashPercentageRule.Instance.Check(context, Buy(1m), 100m)!.Value);
    }
}
