using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Portfolio;

/// <summary>
/// An account's open orders with the reference price each was accepted at, per symbol in acceptance order, and
/// the exposure they could add. An order "reduces" as far as it can take the current position toward zero, and
/// orders on one side share that room in acceptance order: with 100 long, two sells of 100 are one reducing
/// sell and one that would open a 100 short.
/// </summary>
internal sealed class OpenOrderBook
{
    private readonly Dictionary<Guid, OpenOrder> _byId = [];
    private readonly Dictionary<string, List<OpenOrder>> _bySymbol = new(StringComparer.Ordinal);

    public IEnumerable<Order> Orders => _byId.Values.Select(o => o.Order);

    public Order? Find(Guid orderId) => _byId.TryGetValue(orderId, out var open) ? open.Order : null;

    public void Add(Order order, decimal referencePrice)
    {
        if (!_byId.TryAdd(order.OrderId, new OpenOrder(order, referencePrice)))
        {
            throw new ArgumentException($"Order {order.OrderId} is already open in this account.", nameof(order));
        }

        if (!_bySymbol.TryGetValue(order.Symbol, out var list))
        {
            _bySymbol[order.Symbol] = list = [];
        }

        list.Add(_byId[order.OrderId]);
    }

    public void Remove(Guid orderId)
    {
        if (_byId.Remove(orderId, out var open))
        {
            var list = _bySymbol[open.Order.Symbol];
            list.Remove(open);
            if (list.Count == 0)
            {
                _bySymbol.Remove(open.Order.Symbol);
            }
        }
    }

    /// <summary>The remaining quantity of the open orders on one side of a symbol.</summary>
    public decimal Remaining(string symbol, OrderSide side)
    {
        var total = 0m;
        if (_bySymbol.TryGetValue(symbol, out var list))
        {
            foreach (var open in list)
            {
                if (open.Order.Side == side)
                {
                    total += open.Order.RemainingQuantity;
                }
            }
        }

        return total;
    }

    /// <summary>How much of a new order of <paramref name="quantity"/> would open or increase exposure, after the open orders on its side used up the room to reduce.</summary>
    public decimal OpeningQuantity(string symbol, OrderSide side, decimal quantity, decimal position)
    {
        var room = Math.Max(0m, RoomToReduce(side, position) - Remaining(symbol, side));
        return Math.Max(0m, quantity - room);
    }

    /// <summary>Σ over open orders of the part that would open or increase exposure × its reference price.</summary>
    public decimal ReservedNotional(PositionBook positions)
    {
        var reserved = 0m;
        foreach (var (symbol, list) in _bySymbol)
        {
            var position = positions.QuantityOf(symbol);
            var buyRoom = RoomToReduce(OrderSide.Buy, position);
            var sellRoom = RoomToReduce(OrderSide.Sell, position);
            foreach (var open in list)
            {
                var remaining = open.Order.RemainingQuantity;
                ref var room = ref open.Order.Side == OrderSide.Buy ? ref buyRoom : ref sellRoom;
                var reducing = Math.Min(remaining, room);
                room -= reducing;
                reserved += (remaining - reducing) * open.ReferencePrice;
            }
        }

        return reserved;
    }

    /// <summary>A buy can reduce a short, a sell a long.</summary>
    private static decimal RoomToReduce(OrderSide side, decimal position) =>
        side == OrderSide.Buy ? Math.Max(0m, -position) : Math.Max(0m, position);

    private sealed record OpenOrder(Order Order, decimal ReferencePrice);
}
