using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Orders;

public sealed class OrderLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 14, 30, 0, TimeSpan.Zero);

    private static Order LimitBuy(decimal quantity = 100m) =>
        new(Guid.CreateVersion7(), "AAPL", OrderSide.Buy, OrderType.Limit, quantity, TimeInForce.Day, limitPrice: 187.50m);

    [Fact]
    public void Partial_fills_accumulate_quantity_and_a_volume_weighted_average_price()
    {
        var order = LimitBuy();

        order.ApplyFill(40m, 187.20m, T0);
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        Assert.Equal(60m, order.RemainingQuantity);
        Assert.Null(order.FilledAt);

        order.ApplyFill(60m, 187.30m, T0.AddSeconds(5));

        // (40 x 187.20 + 60 x 187.30) / 100 = (7,488 + 11,238) / 100 = 187.26
        Assert.Equal(187.26m, order.AverageFillPrice);
        Assert.Equal(100m, order.FilledQuantity);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(T0.AddSeconds(5), order.FilledAt);
    }

    [Fact]
    public void A_fill_beyond_the_remaining_quantity_is_refused_and_changes_nothing()
    {
        var order = LimitBuy();
        order.ApplyFill(70m, 187.20m, T0);

        var refused = Assert.Throws<OrderStateException>(() => order.ApplyFill(31m, 187.25m, T0));

        Assert.Contains("exceeds the 30 remaining", refused.Message, StringComparison.Ordinal);
        Assert.Equal(70m, order.FilledQuantity);
        Assert.Equal(187.20m, order.AverageFillPrice);
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
    }

    [Theory]
    [InlineData(OrderStatus.Filled)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Expired)]
    public void Nothing_leaves_a_terminal_state(OrderStatus terminal)
    {
        var order = InState(terminal);
        var before = (order.Status, order.FilledQuantity, order.AverageFillPrice, order.CancelledAt, order.RejectionReason);

        Assert.Throws<OrderStateException>(() => order.ApplyFill(1m, 187m, T0.AddMinutes(1)));
        Assert.Throws<OrderStateException>(() => order.Cancel(T0.AddMinutes(1)));
        Assert.Throws<OrderStateException>(() => order.Expire(T0.AddMinutes(1)));
        Assert.Throws<OrderStateException>(() => order.Reject("late"));

        Assert.Equal(before, (order.Status, order.FilledQuantity, order.AverageFillPrice, order.CancelledAt, order.RejectionReason));
    }

    [Fact]
    public void A_partially_filled_order_can_be_cancelled_or_expire_but_not_be_rejected()
    {
        var cancelled = LimitBuy();
        cancelled.ApplyFill(25m, 187.10m, T0);
        cancelled.Cancel(T0.AddMinutes(2));
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(25m, cancelled.FilledQuantity);
        Assert.Equal(T0.AddMinutes(2), cancelled.CancelledAt);

        var expired = LimitBuy();
        expired.ApplyFill(25m, 187.10m, T0);
        expired.Expire(T0.AddHours(6));
        Assert.Equal(OrderStatus.Expired, expired.Status);

        var rejected = LimitBuy();
        rejected.ApplyFill(25m, 187.10m, T0);
        Assert.Throws<OrderStateException>(() => rejected.Reject("too late to reject"));
        Assert.Equal(OrderStatus.PartiallyFilled, rejected.Status);
    }

    [Fact]
    public void A_rejection_keeps_its_reason()
    {
        var order = LimitBuy();
        order.Reject("max_position_size: 150,000.00 exceeds 100,000.00");
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal("max_position_size: 150,000.00 exceeds 100,000.00", order.RejectionReason);
    }

    [Fact]
    public void The_transition_table_allows_exactly_the_lifecycle_edges()
    {
        // 6 states, so 36 ordered pairs; the lifecycle allows 9 of them.
        var allowed = Enum.GetValues<OrderStatus>()
            .SelectMany(from => Enum.GetValues<OrderStatus>().Select(to => (from, to)))
            .Where(p => OrderLifecycle.CanMove(p.from, p.to))
            .Select(p => $"{p.from.ToSeedName()}->{p.to.ToSeedName()}")
            .ToList();
        Assert.Equal(
            [
                "NEW->PARTIALLY_FILLED", "NEW->FILLED", "NEW->CANCELLED", "NEW->REJECTED", "NEW->EXPIRED",
                "PARTIALLY_FILLED->PARTIALLY_FILLED", "PARTIALLY_FILLED->FILLED", "PARTIALLY_FILLED->CANCELLED", "PARTIALLY_FILLED->EXPIRED",
            ],
            allowed);
    }

    [Fact]
    public void Quantities_and_prices_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitBuy(0m));
        var order = LimitBuy();
        Assert.Throws<OrderStateException>(() => order.ApplyFill(0m, 187m, T0));
        Assert.Throws<OrderStateException>(() => order.ApplyFill(1m, -1m, T0));
        Assert.Equal(OrderStatus.New, order.Status);
    }

    private static Order InState(OrderStatus status)
    {
        var order = LimitBuy();
        switch (status)
        {
            case OrderStatus.Filled:
                order.ApplyFill(100m, 187m, T0);
                break;
            case OrderStatus.Cancelled:
                order.Cancel(T0);
                break;
            case OrderStatus.Rejected:
                order.Reject("test");
                break;
            case OrderStatus.Expired:
                order.Expire(T0);
                break;
        }

        return order;
    }
}
