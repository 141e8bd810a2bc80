using Orchestrator.Domain.Brokers;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Brokers;

public sealed class ReconciliationTests
{
    private static readonly Guid Resting = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Other = Guid.Parse("0193a000-0000-7000-8000-000000000002");

    private static AccountSnapshot Books(decimal remaining = 40m, decimal acme = 100m, decimal globex = -25m) => new(
        [new BrokerOrderSnapshot(Resting, "ACME", OrderSide.Buy, remaining)],
        [new BrokerPositionSnapshot("ACME", acme, 10m), new BrokerPositionSnapshot("GLBX", globex, 50m)]);

    [Fact]
    public void Equal_books_have_no_differences_whatever_the_order_of_the_lists_and_the_average_prices()
    {
        var broker = new AccountSnapshot(
            [new BrokerOrderSnapshot(Resting, "ACME", OrderSide.Buy, 40m)],
            [new BrokerPositionSnapshot("GLBX", -25m, 51m), new BrokerPositionSnapshot("ACME", 100m, 9.5m), new BrokerPositionSnapshot("INIT", 0m, 0m)]);

        Assert.Empty(Reconciliation.Compare(Books(), broker));
        Assert.Empty(Reconciliation.Compare(new AccountSnapshot([], []), new AccountSnapshot([], [])));
    }

    [Fact]
    public void A_working_order_the_broker_lacks_is_missing_at_the_broker()
    {
        var broker = Books() with { Orders = [] };

        var difference = Assert.Single(Reconciliation.Compare(Books(), broker));

        Assert.Equal(new ReconciliationDifference(ReconciliationDifferenceKind.OrderMissingAtBroker, "ACME", Resting, 40m, 0m), difference);
        Assert.Equal($"order {Resting} (ACME) is working in our books with 40 remaining, but the broker does not have it", difference.Describe());
    }

    [Fact]
    public void A_working_order_only_the_broker_has_is_unknown_at_the_broker()
    {
        var broker = Books() with { Orders = [.. Books().Orders, new BrokerOrderSnapshot(Other, "GLBX", OrderSide.Sell, 7.5m)] };

        var difference = Assert.Single(Reconciliation.Compare(Books(), broker));

        Assert.Equal(new ReconciliationDifference(ReconciliationDifferenceKind.UnknownOrderAtBroker, "GLBX", Other, 0m, 7.5m), difference);
        Assert.Contains("7.5 remaining", difference.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_remaining_quantity_names_both_values()
    {
        var difference = Assert.Single(Reconciliation.Compare(Books(remaining: 40m), Books(remaining: 15m)));

        Assert.Equal(new ReconciliationDifference(ReconciliationDifferenceKind.RemainingQuantityDiffers, "ACME", Resting, 40m, 15m), difference);
        Assert.Equal($"order {Resting} (ACME) has 40 remaining in our books but 15 at the broker", difference.Describe());
    }

    [Fact]
    public void Position_quantities_are_compared_signed_and_a_position_one_side_lacks_counts_as_zero()
    {
        var broker = new AccountSnapshot(Books().Orders, [new BrokerPositionSnapshot("ACME", 60m, 10m), new BrokerPositionSnapshot("GLBX", 25m, 50m), new BrokerPositionSnapshot("INIT", 3m, 1m)]);

        var differences = Reconciliation.Compare(Books(), broker);

        Assert.Equal(
        [
            new ReconciliationDifference(ReconciliationDifferenceKind.PositionQuantityDiffers, "ACME", null, 100m, 60m),
            new ReconciliationDifference(ReconciliationDifferenceKind.PositionQuantityDiffers, "GLBX", null, -25m, 25m),
            new ReconciliationDifference(ReconciliationDifferenceKind.PositionQuantityDiffers, "INIT", null, 0m, 3m),
        ], differences);
        Assert.Equal("the GLBX position is -25 in our books but 25 at the broker", differences[1].Describe());
    }

    [Fact]
    public void Every_difference_is_reported_once_orders_before_positions()
    {
        var ours = new AccountSnapshot(
            [new BrokerOrderSnapshot(Resting, "ACME", OrderSide.Buy, 40m), new BrokerOrderSnapshot(Other, "GLBX", OrderSide.Sell, 5m)],
            [new BrokerPositionSnapshot("ACME", 100m, 10m)]);
        var broker = new AccountSnapshot([new BrokerOrderSnapshot(Other, "GLBX", OrderSide.Sell, 4m)], []);

        var kinds = Reconciliation.Compare(ours, broker).Select(d => d.Kind).ToList();

        Assert.Equal(
            [ReconciliationDifferenceKind.OrderMissingAtBroker, ReconciliationDifferenceKind.RemainingQuantityDiffers, ReconciliationDifferenceKind.PositionQuantityDiffers],
            kinds);
    }
}
