namespace Orchestrator.Domain.Portfolio;

/// <summary>
/// One position in one symbol, from the fill that opened it to the fill that brought it back to zero (a flip
/// through zero closes it and opens a new one). <see cref="Quantity"/> is signed: positive long, negative short.
/// <see cref="RealizedPnl"/> is gross of commission: commissions are charged to cash on each fill, and the
/// account's cash is where they show (so P&amp;L per position stays comparable across fee models).
/// </summary>
public sealed class Position
{
    /// <summary>Opens a position, or rebuilds a stored one (a restart).</summary>
    public Position(
        Guid positionId,
        string symbol,
        decimal quantity,
        decimal averagePrice,
        DateTimeOffset openedAt,
        decimal realizedPnl = 0m,
        decimal? currentPrice = null,
        DateTimeOffset? updatedAt = null,
        DateTimeOffset? closedAt = null,
        PositionType? positionType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (quantity == 0m && closedAt is null)
        {
            throw new ArgumentException("An open position needs a non-zero quantity.", nameof(quantity));
        }

        if (averagePrice <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(averagePrice), averagePrice, "The average price must be positive.");
        }

        PositionId = positionId;
        Symbol = symbol;
        Quantity = quantity;
        AveragePrice = averagePrice;
        OpenedAt = openedAt;
        RealizedPnl = realizedPnl;
        CurrentPrice = currentPrice;
        UpdatedAt = updatedAt ?? openedAt;
        ClosedAt = closedAt;
        PositionType = positionType ?? (quantity < 0m ? PositionType.Short : PositionType.Long);
    }

    public Guid PositionId { get; }

    public string Symbol { get; }

    /// <summary>Signed: positive long, negative short, zero once closed.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>Quantity-weighted mean price of the fills that opened or increased it; unchanged by reductions.</summary>
    public decimal AveragePrice { get; private set; }

    /// <summary>Profit realized by reductions, gross of commission: (price − average) × quantity for a long, mirrored for a short.</summary>
    public decimal RealizedPnl { get; private set; }

    /// <summary>The last mark (a fill or <see cref="Mark"/>); null until marked.</summary>
    public decimal? CurrentPrice { get; private set; }

    public DateTimeOffset OpenedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public PositionType PositionType { get; }

    public bool IsOpen => ClosedAt is null;

    /// <summary>Signed value at the mark (or at cost when unmarked): negative for a short.</summary>
    public decimal MarketValue => Quantity * (CurrentPrice ?? AveragePrice);

    /// <summary>(mark − average) × signed quantity: a short gains when the price falls.</summary>
    public decimal UnrealizedPnl => ((CurrentPrice ?? AveragePrice) - AveragePrice) * Quantity;

    public void Mark(decimal price, DateTimeOffset at)
    {
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A mark must be positive.");
        }

        CurrentPrice = price;
        UpdatedAt = at;
    }

    /// <summary>Adds to the position in its own direction: the average moves to the quantity-weighted mean.</summary>
    internal void Increase(decimal quantity, decimal price, DateTimeOffset at)
    {
        var held = Math.Abs(Quantity);
        AveragePrice = ((held * AveragePrice) + (quantity * price)) / (held + quantity);
        Quantity += Quantity < 0m ? -quantity : quantity;
        Mark(price, at);
    }

    /// <summary>Takes <paramref name="quantity"/> (at most what is held) off the position, realizing its P&amp;L.</summary>
    internal void Reduce(decimal quantity, decimal price, DateTimeOffset at)
    {
        var direction = Quantity < 0m ? -1m : 1m;
        RealizedPnl += (price - AveragePrice) * quantity * direction;
        Quantity -= direction * quantity;
        Mark(price, at);
        if (Quantity == 0m)
        {
            ClosedAt = at;
        }
    }
}
