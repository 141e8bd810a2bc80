using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Portfolio;

/// <summary>
/// An account's open orders with the reference price each was accepted at, per symbol and side in acceptance
/// order, and the exposure they could add. An order "reduces" as far as it can take the current position toward
/// zero, and orders on one side share that room in acceptance order: with 100 long, two sells of 100 are one
/// reducing sell and one that would open a 100 short.
/// Every query is O(1) per symbol side (running totals), except the rare side that partly reduces a position,
/// which walks only the orders that use up the room: an account with thousands of working orders checks a new
/// one as fast as an account with none.
/// </summary>
internal sealed class OpenOrderBook
{
    private readonly Dictionary<Guid, LinkedListNode<OpenOrder>> _byId = [];
    private readonly Dictionary<string, SymbolOrders> _bySymbol = new(StringComparer.Ordinal);

    public IEnumerable<Order> Orders => _byId.Values.Select(node => node.Value.Order);

    public Order? Find(Guid orderId) => _byId.TryGetValue(orderId, out var node) ? node.Value.Order : null;

    public void Add(Order order, decimal referencePrice)
    {
        if (_byId.ContainsKey(order.OrderId))
        {
            throw new ArgumentException($"Order {order.OrderId} is already open in this account.", nameof(order));
        }

        if (!_bySymbol.TryGetValue(order.Symbol, out var symbol))
        {
            _bySymbol[order.Symbol] = symbol = new SymbolOrders();
        }

        var side = symbol.Side(order.Side);
        var open = new OpenOrder(order, referencePrice);
        _byId[order.OrderId] = side.Orders.AddLast(open);
        side.Remaining += order.RemainingQuantity;
        side.Notional += order.RemainingQuantity * referencePrice;
    }

    /// <summary>A fill of <paramref name="quantity"/> on an open order: its remaining exposure shrinks.</summary>
    public void Filled(Guid orderId, decimal quantity)
    {
        if (_byId.TryGetValue(orderId, out var node))
        {
            var side = _bySymbol[node.Value.Order.Symbol].Side(node.Value.Order.Side);
            side.Remaining -= quantity;
            side.Notional -= quantity * node.Value.ReferencePrice;
        }
    }

    public void Remove(Guid orderId)
    {
        if (!_byId.Remove(orderId, out var node))
        {
            return;
        }

        var order = node.Value.Order;
        var symbol = _bySymbol[order.Symbol];
        var side = symbol.Side(order.Side);
        side.Orders.Remove(node);
        side.Remaining -= order.RemainingQuantity;
        side.Notional -= order.RemainingQuantity * node.Value.ReferencePrice;
        if (symbol.IsEmpty)
        {
            // Kept for the symbol's next order (a backtest's orders mostly fill at once: re-creating it each time
            // allocated five objects per order), with the totals as a new one starts them.
            symbol.Reset();
        }
    }

    /// <summary>Whether any order in <paramref name="symbol"/> is open.</summary>
    public bool Any(string symbol) => _bySymbol.TryGetValue(symbol, out var orders) && !orders.IsEmpty;

    /// <summary>The remaining quantity of the open orders on one side of a symbol.</summary>
    public decimal Remaining(string symbol, OrderSide side) =>
        _bySymbol.TryGetValue(symbol, out var orders) ? orders.Side(side).Remaining : 0m;

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
        foreach (var (symbol, orders) in _bySymbol)
        {
            if (orders.IsEmpty)
            {
                continue;
            }

            var position = positions.QuantityOf(symbol);
            reserved += Reserved(orders.Buys, RoomToReduce(OrderSide.Buy, position));
            reserved += Reserved(orders.Sells, RoomToReduce(OrderSide.Sell, position));
        }

        return reserved;
    }

    /// <summary>One side's opening notional: all of it without room to reduce, none when the room covers it, else the earliest orders use the room.</summary>
    private static decimal Reserved(SideOrders side, decimal room)
    {
        if (room <= 0m)
        {
            return side.Notional;
        }

        if (room >= side.Remaining)
        {
            return 0m;
        }

        var reserved = side.Notional;
        for (var node = side.Orders.First; node is not null && room > 0m; node = node.Next)
        {
            var reducing = Math.Min(node.Value.Order.RemainingQuantity, room);
            room -= reducing;
            reserved -= reducing * node.Value.ReferencePrice;
        }

        return reserved;
    }

    /// <summary>A buy can reduce a short, a sell a long.</summary>
    private static decimal RoomToReduce(OrderSide side, decimal position) =>
        side == OrderSide.Buy ? Math.Max(0m, -position) : Math.Max(0m, position);

    /// <summary>A struct: the list node holds it, one object per open order instead of two.</summary>
    private readonly record struct OpenOrder(Order Order, decimal ReferencePrice);

    private sealed class SideOrders
    {
        public LinkedList<OpenOrder> Orders { get; } = new();

        public decimal Remaining { get; set; }

        public decimal Notional { get; set; }
    }

    private sealed class SymbolOrders
    {
        public SideOrders Buys { get; } = new();

        public SideOrders Sells { get; } = new();

        public SideOrders Side(OrderSide side) => side == OrderSide.Buy ? Buys : Sells;

        public bool IsEmpty => Buys.Orders.Count == 0 && Sells.Orders.Count == 0;

        public void Reset()
        {
            Buys.Remaining = Buys.Notional = 0m;
            Sells.Remaining = Sells.Notional = 0m;
        }
    }
}
