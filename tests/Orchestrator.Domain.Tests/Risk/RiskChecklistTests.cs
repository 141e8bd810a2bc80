using FsCheck;
using FsCheck.Xunit;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using static Orchestrator.Domain.Tests.Risk.RiskKit;

namespace Orchestrator.Domain.Tests.Risk;

public sealed class RiskChecklistTests
{
    /// <summary>Every limit as tight as can be.</summary>
    private static readonly RiskProfile Tightest = new(
        MaxPositionSize: 1m, MaxSectorConcentration: 0.01m, MaxCorrelationExposure: 0.01m, MaxDailyLoss: 1m, MaxPortfolioRisk: 0.0001m,
        MaxLongPositions: 0, MaxShortPositions: 0, MinCashPercentage: 0.99m);

    [Fact]
    public void Rules_run_in_the_documented_order()
    {
        Assert.Equal(
            ["kill_switch", "max_daily_loss", "max_position_size", "max_long_positions", "max_short_positions", "min_cash_percentage",
                "max_sector_concentration", "max_correlation_exposure", "max_portfolio_risk"],
            RiskChecklist.Rules.Select(rule => rule.Limit));
    }

    [Fact]
    public void The_first_broken_rule_in_order_is_reported()
    {
        // Cash 98,000 + AAPL 10 x $100 + 10 x $100 of loss since the open (session opened at 101,000, now 99,000).
        var context = new RiskContext(Tightest, 98_000m, [Long("AAPL", 10m, 100m)], sessionOpenEquity: 101_000m, Sectors,
            killSwitch: KillSwitchState.Halted);
        var order = Buy(10m, "MSFT");

        Assert.Equal("kill_switch", RiskChecklist.Check(context, order, 100m)!.Limit);
        context.KillSwitch = KillSwitchState.Active;
        Assert.Equal("max_daily_loss", RiskChecklist.Check(context, order, 100m)!.Limit);
        context.SessionOpenEquity = context.Equity;
        Assert.Equal("max_position_size", RiskChecklist.Check(context, order, 100m)!.Limit);
    }

    [Fact]
    public void A_reducing_order_passes_every_rule_with_every_limit_breached()
    {
        // Long AAPL, short XOM, halted, the day's loss far past its limit, every ratio above its limit.
        var context = new RiskContext(Tightest, 0m, [Long("AAPL", 100m, 100m, stop: 50m), Short("XOM", 100m, 100m), Long("MSFT", 10m, 100m)],
            sessionOpenEquity: 50_000m, Sectors, new CorrelationMatrix([("AAPL", "MSFT", 0.9)]), KillSwitchState.Halted, userMaxDailyLoss: 1m);

        foreach (var order in new[] { Sell(100m), Sell(1m), Buy(100m, "XOM"), Buy(1m, "XOM") })
        {
            Assert.Null(RiskChecklist.Check(context, order, 100m));
            Assert.All(RiskChecklist.Rules, rule => Assert.Null(rule.Check(context, order, 100m)));
        }

        // Past zero is not a reduction: selling 101 opens a short of 1.
        Assert.NotNull(RiskChecklist.Check(context, Sell(101m), 100m));
    }

    [Fact]
    public void Working_orders_on_the_same_side_use_up_the_room_to_reduce()
    {
        // Long 100 with 60 already working to sell: selling 40 more still only reduces; 41 would go short.
        var context = new RiskContext(Tightest, 0m, [new RiskPosition("AAPL", 100m, 100m, PendingSell: 60m)], 0m, Sectors,
            killSwitch: KillSwitchState.Halted);

        Assert.True(context.Impact(Sell(40m), 100m).IsReducing);
        Assert.Null(RiskChecklist.Check(context, Sell(40m), 100m));
        Assert.Equal("kill_switch", RiskChecklist.Check(context, Sell(41m), 100m)!.Limit);
    }

    [Property(MaxTest = 300)]
    public bool Closing_is_never_refused(PositiveInt held, NonNegativeInt pending, PositiveInt quantity, bool isLong, PositiveInt price, KillSwitchState state)
    {
        var size = held.Get;
        var working = pending.Get % size;
        var order = 1 + (quantity.Get % (size - working));
        var mark = price.Get / 100m;
        var position = new RiskPosition("AAPL", isLong ? size : -size, mark, StopPrice: null,
            PendingBuy: isLong ? 0m : working, PendingSell: isLong ? working : 0m);
        var context = new RiskContext(Tightest, -size * mark * 3m, [position, Long("MSFT", 5m, 10m)], sessionOpenEquity: 1_000_000m, Sectors,
            new CorrelationMatrix([("AAPL", "MSFT", 0.95)]), state, userMaxDailyLoss: 0.01m);

        return RiskChecklist.Check(context, isLong ? Sell(order) : Buy(order), mark) is null;
    }

    [Fact]
    public void A_context_from_a_trading_account_carries_its_positions_working_orders_and_cash()
    {
        var accountId = Guid.CreateVersion7();
        var account = new TradingAccount(accountId, "USD", 100_000m, AccountLimits.None);
        var buy = new Order(Guid.CreateVersion7(), "AAPL", OrderSide.Buy, OrderType.Limit, 100m, TimeInForce.Day, limitPrice: 100m);
        account.Accept(buy, 100m, new DateOnly(2026, 3, 9));
        account.ApplyExecution(new Execution(buy.OrderId, accountId, "PAPER-1", "AAPL", OrderSide.Buy, 100m, 100m, 0m, Liquidity.Passive, T0));
        account.Mark("AAPL", 110m, T0);
        account.Accept(new Order(Guid.CreateVersion7(), "MSFT", OrderSide.Buy, OrderType.Limit, 50m, TimeInForce.Day, limitPrice: 200m), 200m,
            new DateOnly(2026, 3, 9));

        var positions = RiskPosition.FromAccount(account, new Dictionary<string, decimal> { ["AAPL"] = 105m });
        var context = new RiskContext(RiskProfile.Default, account.Cash, positions, sessionOpenEquity: 100_000m, Sectors);

        // Cash 90,000 + 100 x $110 = 101,000, as the account's balance says; up 1,000 on the day.
        Assert.Equal(account.Balance().PortfolioValue, context.Equity);
        Assert.Equal(1_000m, context.DailyPnl);
        Assert.Equal(new RiskPosition("AAPL", 100m, 110m, 105m), context.Position("AAPL"));
        Assert.Equal(new RiskPosition("MSFT", 0m, 0m, PendingBuy: 50m), context.Position("MSFT"));
        // Risk to the stop: 100 x (110 - 105) = 500.
        Assert.Equal(500m, context.StopRisk);
        // Technology: AAPL 11,000 now; buying 100 MSFT at $200 projects the working 50 too: 11,000 + 150 x 200 = 41,000
        // of max(gross 41,000, equity 101,000) = 0.4059 > 0.30.
        Assert.Equal("max_sector_concentration: Technology would be 0.405941 of the portfolio, above the limit 0.3000",
            RiskChecklist.Check(context, Buy(100m, "MSFT"), 200m)!.Message);
        Assert.Null(RiskChecklist.Check(context, Buy(10m, "XOM"), 100m));
    }

    [Fact]
    public void Updating_one_symbol_keeps_every_total_as_a_rebuild_would()
    {
        RiskPosition[] all = [Long("AAPL", 100m, 110m, stop: 100m), Short("XOM", 50m, 80m), Long("ZZZ", 10m, 5m)];
        var updated = new RiskContext(RiskProfile.Default, 10_000m, [all[0]], 0m, Sectors);
        updated.Update(all[1]);
        updated.Update(all[2]);
        updated.Update(Long("MSFT", 7m, 300m));
        updated.Update(new RiskPosition("MSFT", 0m, 0m));
        updated.Update(all[0] with { Mark = 120m });
        var rebuilt = new RiskContext(RiskProfile.Default, 10_000m, [all[0] with { Mark = 120m }, all[1], all[2]], 0m, Sectors);

        Assert.Equal(
            (rebuilt.Equity, rebuilt.GrossExposure, rebuilt.StopRisk, rebuilt.LongPositions, rebuilt.ShortPositions,
                rebuilt.SectorExposure("Technology"), rebuilt.SectorExposure("Energy")),
            (updated.Equity, updated.GrossExposure, updated.StopRisk, updated.LongPositions, updated.ShortPositions,
                updated.SectorExposure("Technology"), updated.SectorExposure("Energy")));
        // 10,000 + 100 x 120 - 50 x 80 + 10 x 5 = 18,050; gross 12,000 + 4,000 + 50 = 16,050;
        // stop risk 100 x (120 - 100) + 50 x 80 x 0.02 + 10 x 5 x 0.02 = 2,000 + 80 + 1 = 2,081.
        Assert.Equal((18_050m, 16_050m, 2_081m, 2, 1), (updated.Equity, updated.GrossExposure, updated.StopRisk, updated.LongPositions, updated.ShortPositions));
        Assert.Null(updated.Position("MSFT"));
    }
}
