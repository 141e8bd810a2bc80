using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Tests.Portfolio;

public sealed class TradingAccountTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 9, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 9);
    private static readonly Guid AccountId = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");

    private static Order Limit(OrderSide side, decimal quantity, decimal price, string symbol = "AAPL") =>
        new(Guid.CreateVersion7(), symbol, side, OrderType.Limit, quantity, TimeInForce.Day, limitPrice: price);

    private static TradingAccount Account(decimal cash, AccountLimits? limits = null) =>
        new(AccountId, "USD", cash, limits ?? AccountLimits.None);

    private static Execution Fill(Order order, decimal quantity, decimal price, decimal commission) =>
        new(order.OrderId, AccountId, "PAPER-0000000001", order.Symbol, order.Side, quantity, price, commission, Liquidity.Passive, T0);

    [Fact]
    public void Buying_power_admits_100_orders_of_100_dollars_on_10000_and_rejects_the_101st()
    {
        var account = Account(10_000m);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(account.TryAccept(Limit(OrderSide.Buy, 1m, 100m), 100m, Today, 0m).IsAccepted);
        }

        // 100 orders x 1 x $100 reserve $10,000: margin available = 10,000 - 0 - 10,000 = 0.
        Assert.Equal(0m, account.Balance().BuyingPower);
        var result = account.TryAccept(Limit(OrderSide.Buy, 1m, 100m), 100m, Today, 0m);
        Assert.Equal(new LimitViolation("buying_power", 100m, 0m, "buying_power: the order needs 100.00 but buying power is 0.00"), result.Violation);
        Assert.Equal(100, account.OpenOrders.Count());
    }

    [Fact]
    public void Buying_power_one_unit_under_passes_and_one_over_rejects_with_the_commission_counted()
    {
        var account = Account(10_000m);
        // 100 x $100 = $10,000 = buying power: passes. 101 x $100 = $10,100: rejects.
        Assert.True(account.Check(Limit(OrderSide.Buy, 100m, 100m), 100m, Today, 0m).IsAccepted);
        Assert.Equal(
            new LimitViolation("buying_power", 10_100m, 10_000m, "buying_power: the order needs 10100.00 but buying power is 10000.00"),
            account.Check(Limit(OrderSide.Buy, 101m, 100m), 100m, Today, 0m).Violation);
        // 100 x $100 + an estimated $1 commission = $10,001: rejects.
        Assert.Equal(10_001m, account.Check(Limit(OrderSide.Buy, 100m, 100m), 100m, Today, 1m).Violation!.Value);
    }

    [Fact]
    public void Max_position_size_counts_open_orders_on_the_same_side()
    {
        var account = Account(1_000_000m, new AccountLimits(10_000m, null, null));
        // 100 x $100 = $10,000 = the limit: passes; 101 x $100 = $10,100: rejects.
        Assert.True(account.Check(Limit(OrderSide.Buy, 100m, 100m), 100m, Today, 0m).IsAccepted);
        Assert.Equal(
            new LimitViolation("max_position_size", 10_100m, 10_000m, "max_position_size: position value 10100.00 would exceed the limit 10000.00"),
            account.Check(Limit(OrderSide.Buy, 101m, 100m), 100m, Today, 0m).Violation);

        // An open buy of 50: another 50 projects to 100 (passes), 51 to 101 x $100 = $10,100 (rejects).
        account.Accept(Limit(OrderSide.Buy, 50m, 100m), 100m, Today);
        Assert.True(account.Check(Limit(OrderSide.Buy, 50m, 100m), 100m, Today, 0m).IsAccepted);
        Assert.Equal(10_100m, account.Check(Limit(OrderSide.Buy, 51m, 100m), 100m, Today, 0m).Violation!.Value);
    }

    [Fact]
    public void Max_position_size_never_refuses_a_reduction()
    {
        var account = Account(1_000_000m, new AccountLimits(10_000m, null, null));
        var buy = Limit(OrderSide.Buy, 100m, 100m);
        account.Accept(buy, 100m, Today);
        account.ApplyExecution(Fill(buy, 100m, 100m, 0m));

        // The price doubled: the long of 100 is worth $20,000 at a $200 reference, over the limit, but selling 10
        // takes it to 90 (closer to zero) and passes; buying 1 more (101 x $200 = $20,200) does not.
        Assert.True(account.Check(Limit(OrderSide.Sell, 10m, 200m), 200m, Today, 0m).IsAccepted);
        Assert.Equal("max_position_size", account.Check(Limit(OrderSide.Buy, 1m, 200m), 200m, Today, 0m).Violation!.Limit);
    }

    [Fact]
    public void Max_daily_volume_counts_accepted_notional_per_trading_day()
    {
        var account = Account(1_000_000m, new AccountLimits(null, 10_000m, null));
        account.Accept(Limit(OrderSide.Buy, 60m, 100m), 100m, Today);

        // $6,000 accepted: 40 x $100 more reaches $10,000 (passes); 41 x $100 reaches $10,100 (rejects).
        Assert.True(account.Check(Limit(OrderSide.Buy, 40m, 100m), 100m, Today, 0m).IsAccepted);
        Assert.Equal(
            new LimitViolation("max_daily_volume", 10_100m, 10_000m, "max_daily_volume: daily volume 10100.00 would exceed the limit 10000.00"),
            account.Check(Limit(OrderSide.Buy, 41m, 100m), 100m, Today, 0m).Violation);

        // The next trading day starts from zero.
        Assert.True(account.Check(Limit(OrderSide.Buy, 100m, 100m), 100m, Today.AddDays(1), 0m).IsAccepted);
    }

    [Fact]
    public void Allowed_symbols_admit_only_the_listed_symbols()
    {
        var account = Account(1_000_000m, new AccountLimits(null, null, new HashSet<string> { "AAPL" }));
        Assert.True(account.Check(Limit(OrderSide.Buy, 1m, 100m, "AAPL"), 100m, Today, 0m).IsAccepted);
        Assert.Equal(
            new LimitViolation("allowed_symbols", 0m, 0m, "allowed_symbols: MSFT is not among the account's allowed symbols"),
            account.Check(Limit(OrderSide.Buy, 1m, 100m, "MSFT"), 100m, Today, 0m).Violation);
    }

    [Fact]
    public void A_flip_counts_the_margin_its_closing_leg_frees()
    {
        // Cash account: buy 100 at $10 with $1,000 -> cash 0, long 100, buying power 0.
        var account = Account(1_000m);
        var buy = Limit(OrderSide.Buy, 100m, 10m);
        Assert.True(account.TryAccept(buy, 10m, Today, 0m).IsAccepted);
        account.ApplyExecution(Fill(buy, 100m, 10m, 0m));
        Assert.Equal(0m, account.Balance().BuyingPower);

        // Sell 200 at $10: closes 100 (frees 100 x $10 = $1,000) and opens 100 short needing $1,000: passes exactly.
        Assert.True(account.Check(Limit(OrderSide.Sell, 200m, 10m), 10m, Today, 0m).IsAccepted);

        // Sell 201: the opening leg needs $1,010 against $1,000 freed.
        Assert.Equal(
            new LimitViolation("buying_power", 1_010m, 1_000m, "buying_power: the order needs 1010.00 but buying power is 1000.00"),
            account.Check(Limit(OrderSide.Sell, 201m, 10m), 10m, Today, 0m).Violation);
    }

    [Fact]
    public void Two_sells_cannot_both_reduce_the_same_long()
    {
        var account = Account(20_000m);
        var buy = Limit(OrderSide.Buy, 100m, 100m);
        account.Accept(buy, 100m, Today);
        account.ApplyExecution(Fill(buy, 100m, 100m, 1m));

        // Cash 20,000 - 100 x 100 - 1 = 9,999; equity 9,999 + 100 x 100 = 19,999; margin used 10,000;
        // available 19,999 - 10,000 = 9,999.
        Assert.Equal(new BalanceSnapshot("USD", 9_999m, 9_999m, 19_999m, 10_000m, 9_999m), account.Balance());

        // The first sell of 100 only closes the long: reserves nothing.
        account.Accept(Limit(OrderSide.Sell, 100m, 100m), 100m, Today);
        Assert.Equal(9_999m, account.Balance().MarginAvailable);

        // A second sell of 100 would open a short of 100 x $100 = $10,000 > 9,999.
        Assert.Equal(
            new LimitViolation("buying_power", 10_000m, 9_999m, "buying_power: the order needs 10000.00 but buying power is 9999.00"),
            account.Check(Limit(OrderSide.Sell, 100m, 100m), 100m, Today, 0m).Violation);
    }

    [Fact]
    public void A_fill_moves_cash_position_and_reservation_and_returns_the_callers_order()
    {
        var account = Account(10_000m);
        var order = Limit(OrderSide.Buy, 40m, 100m);
        account.Accept(order, 100m, Today);
        // Reserved 40 x 100 = 4,000: available 6,000.
        Assert.Equal(6_000m, account.Balance().MarginAvailable);

        var change = account.ApplyExecution(Fill(order, 10m, 99m, 1m));
        Assert.Same(order, change.Order);
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        // Cash 10,000 - 10 x 99 - 1 = 9,009. Position 10 @ 99 marked at 99 = 990; equity 9,999.
        // Margin used 990; reserved 30 x 100 = 3,000; available 9,999 - 990 - 3,000 = 6,009.
        Assert.Equal(new BalanceSnapshot("USD", 9_009m, 6_009m, 9_999m, 990m, 6_009m), change.Balance);
        Assert.Equal(10m, change.Position!.Opened!.Quantity);

        // Cancelling the rest releases its reservation: available 9,999 - 990 = 9,009.
        var cancelled = account.ApplyCancel(order.OrderId, T0.AddMinutes(1), "user");
        Assert.Equal((OrderStatus.Cancelled, "user", 9_009m), (order.Status, cancelled.Reason, cancelled.Balance.MarginAvailable));
        Assert.Null(account.FindOrder(order.OrderId));
        Assert.Throws<InvalidOperationException>(() => account.ApplyExecution(Fill(order, 1m, 99m, 1m)));
    }

    [Fact]
    public void An_overfill_is_refused_and_changes_nothing()
    {
        var account = Account(10_000m);
        var order = Limit(OrderSide.Buy, 10m, 100m);
        account.Accept(order, 100m, Today);
        Assert.Throws<OrderStateException>(() => account.ApplyExecution(Fill(order, 11m, 100m, 1m)));
        Assert.Equal((10_000m, 0m), (account.Cash, order.FilledQuantity));
        Assert.Null(account.Positions.Open("AAPL"));
    }

    [Fact]
    public void A_rejected_order_keeps_the_violation_as_its_reason()
    {
        var account = Account(100m);
        var order = Limit(OrderSide.Buy, 10m, 100m);
        var result = account.TryAccept(order, 100m, Today, 0m);
        var change = account.Reject(order, result.Violation!.Message);
        Assert.Equal((OrderStatus.Rejected, "buying_power: the order needs 1000.00 but buying power is 100.00"), (order.Status, order.RejectionReason));
        Assert.Equal(100m, change.Balance.CashBalance);
    }

    [Fact]
    public void Restore_rebuilds_orders_positions_and_the_days_volume()
    {
        var account = new TradingAccount(AccountId, "USD", 5_000m, new AccountLimits(null, 10_000m, null), marginRequirement: 0.5m);
        account.RestorePosition(new Position(Guid.CreateVersion7(), "AAPL", 50m, 100m, T0, currentPrice: 110m));
        var open = Limit(OrderSide.Buy, 20m, 100m);
        open.ApplyFill(5m, 100m, T0);
        account.RestoreOrder(open, 100m);
        account.RestoreDailyVolume(Today, 9_000m);

        // Equity 5,000 + 50 x 110 = 10,500; margin used 50 x 110 x 0.5 = 2,750; reserved 15 x 100 x 0.5 = 750;
        // available 10,500 - 2,750 - 750 = 7,000; buying power 7,000 / 0.5 = 14,000.
        Assert.Equal(new BalanceSnapshot("USD", 5_000m, 14_000m, 10_500m, 2_750m, 7_000m), account.Balance());
        Assert.Same(open, account.FindOrder(open.OrderId));
        // 9,000 restored + 11 x 100 = 10,100 > 10,000.
        Assert.Equal("max_daily_volume", account.Check(Limit(OrderSide.Buy, 11m, 100m), 100m, Today, 0m).Violation!.Limit);
    }
}
