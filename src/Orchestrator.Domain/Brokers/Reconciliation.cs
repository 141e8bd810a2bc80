using System.Globalization;

namespace Orchestrator.Domain.Brokers;

/// <summary>An account's working orders and open positions at one moment, as our books or as a broker reports them.</summary>
public sealed record AccountSnapshot(IReadOnlyList<BrokerOrderSnapshot> Orders, IReadOnlyList<BrokerPositionSnapshot> Positions);

public enum ReconciliationDifferenceKind
{
    /// <summary>Our books have a working order the broker does not.</summary>
    OrderMissingAtBroker,

    /// <summary>The broker has a working order our books do not know.</summary>
    UnknownOrderAtBroker,

    /// <summary>Both have the order, with a different remaining quantity.</summary>
    RemainingQuantityDiffers,

    /// <summary>The signed position in a symbol differs (a position only one side holds counts as 0 on the other).</summary>
    PositionQuantityDiffers,
}

/// <summary>
/// One way our books and the broker disagree. <see cref="Ours"/> and <see cref="Broker"/> are remaining quantities for
/// an order (0 on the side that lacks it) and signed quantities for a position.
/// </summary>
public sealed record ReconciliationDifference(ReconciliationDifferenceKind Kind, string Symbol, Guid? OrderId, decimal Ours, decimal Broker)
{
    /// <summary>The difference in words, naming the symbol or order and both values.</summary>
    public string Describe() => Kind switch
    {
        ReconciliationDifferenceKind.OrderMissingAtBroker =>
            Invariant($"order {OrderId} ({Symbol}) is working in our books with {Ours} remaining, but the broker does not have it"),
        ReconciliationDifferenceKind.UnknownOrderAtBroker =>
            Invariant($"the broker has working order {OrderId} ({Symbol}) with {Broker} remaining, which our books do not know"),
        ReconciliationDifferenceKind.RemainingQuantityDiffers =>
            Invariant($"order {OrderId} ({Symbol}) has {Ours} remaining in our books but {Broker} at the broker"),
        _ => Invariant($"the {Symbol} position is {Ours} in our books but {Broker} at the broker"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Compares our books with a broker's view of the same account, as after a restart: every working order must be
/// working at the broker with the same remaining quantity, and every symbol's position must have the same signed
/// quantity. It only reports; deciding what to do about a difference is left to a person (nothing is sent or
/// cancelled on the strength of a comparison that may itself be wrong, e.g. a fill still in flight).
/// </summary>
public static class Reconciliation
{
    /// <summary>The differences, orders first (by symbol, then id), then positions (by symbol); empty when the two agree.</summary>
    public static IReadOnlyList<ReconciliationDifference> Compare(AccountSnapshot ours, AccountSnapshot broker)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(broker);
        var differences = new List<ReconciliationDifference>();
        var theirs = broker.Orders.GroupBy(o => o.OrderId).ToDictionary(g => g.Key, g => g.First());
        var mine = ours.Orders.GroupBy(o => o.OrderId).ToDictionary(g => g.Key, g => g.First());
        foreach (var order in mine.Values.OrderBy(o => o.Symbol, StringComparer.Ordinal).ThenBy(o => o.OrderId))
        {
            if (!theirs.TryGetValue(order.OrderId, out var at))
            {
                differences.Add(new(ReconciliationDifferenceKind.OrderMissingAtBroker, order.Symbol, order.OrderId, order.RemainingQuantity, 0m));
            }
            else if (at.RemainingQuantity != order.RemainingQuantity)
            {
                differences.Add(new(ReconciliationDifferenceKind.RemainingQuantityDiffers, order.Symbol, order.OrderId, order.RemainingQuantity, at.RemainingQuantity));
            }
        }

        foreach (var order in theirs.Values.Where(o => !mine.ContainsKey(o.OrderId)).OrderBy(o => o.Symbol, StringComparer.Ordinal).ThenBy(o => o.OrderId))
        {
            differences.Add(new(ReconciliationDifferenceKind.UnknownOrderAtBroker, order.Symbol, order.OrderId, 0m, order.RemainingQuantity));
        }

        var held = Quantities(ours.Positions);
        var reported = Quantities(broker.Positions);
        foreach (var symbol in held.Keys.Union(reported.Keys).Order(StringComparer.Ordinal))
        {
            var a = held.GetValueOrDefault(symbol);
            var b = reported.GetValueOrDefault(symbol);
            if (a != b)
            {
                differences.Add(new(ReconciliationDifferenceKind.PositionQuantityDiffers, symbol, null, a, b));
            }
        }

        return differences;
    }

    /// <summary>Signed quantity per symbol (a symbol listed twice is summed; flat ones drop out).</summary>
    private static Dictionary<string, decimal> Quantities(IEnumerable<BrokerPositionSnapshot> positions) =>
        positions.GroupBy(p => p.Symbol, StringComparer.Ordinal)
            .Select(g => (Symbol: g.Key, Quantity: g.Sum(p => p.Quantity)))
            .Where(p => p.Quantity != 0m)
            .ToDictionary(p => p.Symbol, p => p.Quantity, StringComparer.Ordinal);
}
