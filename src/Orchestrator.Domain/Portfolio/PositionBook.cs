using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Portfolio;

/// <summary>What one fill did to an account's positions: at most one opened, updated or closed (a flip closes one and opens one).</summary>
public sealed record PositionChange(Position? Opened, Position? Updated, Position? Closed);

/// <summary>
/// One account's open positions, at most one per symbol. A fill in the position's direction increases it (new
/// weighted average price); against it, reduces it (realizing P&amp;L, average unchanged); reaching zero closes
/// it; going through zero closes it and opens a new position (new id, average = fill price) for the rest.
/// Closed positions leave the book (the caller persists them).
/// </summary>
public sealed class PositionBook(Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.CreateVersion7;
    private readonly Dictionary<string, Position> _open = new(StringComparer.Ordinal);

    /// <summary>The open positions; the concrete collection, so a <c>foreach</c> over it allocates no enumerator (it runs per valuation).</summary>
    public Dictionary<string, Position>.ValueCollection OpenPositions => _open.Values;

    public Position? Open(string symbol) => _open.GetValueOrDefault(symbol);

    /// <summary>Signed open quantity in <paramref name="symbol"/> (0 when flat).</summary>
    public decimal QuantityOf(string symbol) => _open.TryGetValue(symbol, out var p) ? p.Quantity : 0m;

    public PositionChange Apply(string symbol, OrderSide side, decimal quantity, decimal price, DateTimeOffset at)
    {
        var (opened, updated, closed) = Change(symbol, side, quantity, price, at);
        return new PositionChange(opened, updated, closed);
    }

    /// <summary><see cref="Apply"/> as a tuple: the backtester applies a fill per order and reads no change record.</summary>
    internal (Position? Opened, Position? Updated, Position? Closed) Change(string symbol, OrderSide side, decimal quantity, decimal price, DateTimeOffset at)
    {
        if (quantity <= 0m || price <= 0m)
        {
            throw new ArgumentException($"A fill needs a positive quantity and price, not {quantity} @ {price}.");
        }

        var signed = side == OrderSide.Buy ? quantity : -quantity;
        if (!_open.TryGetValue(symbol, out var position))
        {
            return (OpenNew(symbol, signed, price, at), null, null);
        }

        if ((position.Quantity > 0m) == (signed > 0m))
        {
            position.Increase(quantity, price, at);
            return (null, position, null);
        }

        var closing = Math.Min(quantity, Math.Abs(position.Quantity));
        position.Reduce(closing, price, at);
        if (position.Quantity != 0m)
        {
            return (null, position, null);
        }

        _open.Remove(symbol);
        var rest = quantity - closing;
        var flipped = rest > 0m ? OpenNew(symbol, signed > 0m ? rest : -rest, price, at) : null;
        return (flipped, null, position);
    }

    /// <summary>Puts a stored open position back (a restart).</summary>
    public void Restore(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!position.IsOpen || position.Quantity == 0m)
        {
            throw new ArgumentException($"Position {position.PositionId} is closed; only open positions are restored.", nameof(position));
        }

        if (!_open.TryAdd(position.Symbol, position))
        {
            throw new ArgumentException($"A position in {position.Symbol} is already open.", nameof(position));
        }
    }

    private Position OpenNew(string symbol, decimal signedQuantity, decimal price, DateTimeOffset at)
    {
        var position = new Position(_newId(), symbol, signedQuantity, price, at, currentPrice: price, updatedAt: at);
        _open.Add(symbol, position);
        return position;
    }
}
