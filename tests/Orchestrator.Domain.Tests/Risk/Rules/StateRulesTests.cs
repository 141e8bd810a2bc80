using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using Orchestrator.Domain.Risk.Rules;
using static Orchestrator.Domain.Tests.Risk.RiskKit;

namespace Orchestrator.Domain.Tests.Risk.Rules;

/// <summary>max_daily_loss and kill_switch: the account's state, not the order's size.</summary>
public sealed class StateRulesTests
{
    [Fact]
    public void Max_daily_loss_passes_one_unit_under_and_rejects_one_over_with_the_lower_limit()
    {
        // The session opened at equity 100,000 (cash 90,000 + AAPL 100 x $100). Profile limit 1,000, user limit 1,500: 1,000 wins.
        // AAPL marked at $90.01: equity 99,001, loss 999, passes. At $89.99: equity 98,999, loss 1,001, rejects.
        var profile = RiskProfile.None with { MaxDailyLoss = 1_000m };
        var under = DayContext(profile, mark: 90.01m, userLimit: 1_500m);
        var over = DayContext(profile, mark: 89.99m, userLimit: 1_500m);

        Assert.Null(MaxDailyLossRule.Instance.Check(under, Buy(1m, "MSFT"), 100m));
        Assert.Equal(
            new LimitViolation("max_daily_loss", 1_001m, 1_000m,
                "max_daily_loss: the day's loss 1001.00 has reached the limit 1000.00; only orders that reduce a position are accepted"),
            MaxDailyLossRule.Instance.Check(over, Buy(1m, "MSFT"), 100m));
        // Reducing passes with the limit breached.
        Assert.Null(MaxDailyLossRule.Instance.Check(over, Sell(50m), 89.99m));
    }

    [Fact]
    public void Max_daily_loss_uses_the_users_limit_when_it_is_lower()
    {
        // Profile 1,000, user 800: a loss of 1,001 is measured against 800.
        var context = DayContext(RiskProfile.None with { MaxDailyLoss = 1_000m }, mark: 89.99m, userLimit: 800m);

        Assert.Equal(800m, MaxDailyLossRule.Instance.Check(context, Buy(1m, "MSFT"), 100m)!.Threshold);
    }

    [Fact]
    public void Max_daily_loss_holds_the_users_other_accounts_day_with_this_ones()
    {
        // This account: session open 100,000, AAPL marked at $95: equity 90,000 + 9,500 = 99,500, its own loss 500.
        // The user's other accounts lost 400.50 today (day P&L -400.50): the user's loss is 500 + 400.50 = 900.50.
        // Against the profile's 1,000 it passes; 99.50 more lost elsewhere (-500.00 there) makes 1,000.00 and rejects.
        var profile = RiskProfile.None with { MaxDailyLoss = 1_000m };
        var under = new RiskContext(profile, 90_000m, [Long("AAPL", 100m, 95m)], sessionOpenEquity: 100_000m, Sectors, otherAccountsDailyPnl: -400.50m);
        var at = new RiskContext(profile, 90_000m, [Long("AAPL", 100m, 95m)], sessionOpenEquity: 100_000m, Sectors, otherAccountsDailyPnl: -500m);

        Assert.Equal(-900.50m, under.DailyPnl);
        Assert.Null(MaxDailyLossRule.Instance.Check(under, Buy(1m, "MSFT"), 100m));
        Assert.Equal(
            new LimitViolation("max_daily_loss", 1_000m, 1_000m,
                "max_daily_loss: the day's loss 1000.00 has reached the limit 1000.00; only orders that reduce a position are accepted"),
            MaxDailyLossRule.Instance.Check(at, Buy(1m, "MSFT"), 100m));
        // Gains elsewhere offset this account's loss: +600 there leaves the user 100 up.
        Assert.Equal(100m, new RiskContext(profile, 90_000m, [Long("AAPL", 100m, 95m)], sessionOpenEquity: 100_000m, Sectors, otherAccountsDailyPnl: 600m).DailyPnl);
    }

    [Fact]
    public void Kill_switch_refuses_opening_orders_unless_active_and_passes_closing_ones()
    {
        var context = Context(RiskProfile.None, 90_000m, Long("AAPL", 100m, 100m));
        context.KillSwitch = KillSwitchState.Halted;

        Assert.Equal(
            new LimitViolation("kill_switch", 0m, 0m, "kill_switch: trading is HALTED; only orders that reduce a position are accepted"),
            KillSwitchRule.Instance.Check(context, Buy(1m), 100m));
        Assert.Null(KillSwitchRule.Instance.Check(context, Sell(100m), 100m));
        // Selling 101 would open a short of 1: refused.
        Assert.NotNull(KillSwitchRule.Instance.Check(context, Sell(101m), 100m));

        context.KillSwitch = KillSwitchState.Active;
        Assert.Null(KillSwitchRule.Instance.Check(context, Buy(1m), 100m));
    }

    private static RiskContext DayContext(RiskProfile profile, decimal mark, decimal userLimit) =>
        new(profile, 90_000m, [Long("AAPL", 100m, mark)], sessionOpenEquity: 100_000m, Sectors, userMaxDailyLoss: userLimit);
}
