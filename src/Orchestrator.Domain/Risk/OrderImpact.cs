using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Risk;

/// <summary>
/// What a proposed order would do to the portfolio, computed once by <see cref="RiskContext.Impact"/> and read by
/// every rule. The projection assumes the order and the account's working orders on the same side of its symbol
/// fill in full at the reference price (as <see cref="Portfolio.AccountLimits.MaxPositionSize"/> does, so one large
/// order split into many small working ones projects the same); the symbol is valued at the reference price,
/// every other position at its mark. Working orders in other symbols are not projected: each was checked when
/// it was placed.
/// </summary>
public readonly struct OrderImpact
{
    internal OrderImpact(Order order, decimal referencePrice, decimal held, decimal pending, decimal after, bool isReducing,
        decimal exposureBefore, decimal exposureAfter, decimal grossAfter, decimal equityAfter, RiskContext.SymbolState? entry)
    {
        Order = order;
        ReferencePrice = referencePrice;
        Held = held;
        Pending = pending;
        After = after;
        IsReducing = isReducing;
        ExposureBefore = exposureBefore;
        ExposureAfter = exposureAfter;
        GrossAfter = grossAfter;
        EquityAfter = equityAfter;
        Entry = entry;
    }

    public Order Order { get; }

    public decimal ReferencePrice { get; }

    /// <summary>The signed quantity held in the symbol now.</summary>
    public decimal Held { get; }

    /// <summary>The remaining quantity of the working orders on the order's side of its symbol.</summary>
    public decimal Pending { get; }

    /// <summary>The signed quantity after <see cref="Pending"/> and the order fill: Held ± (Pending + quantity).</summary>
    public decimal After { get; }

    /// <summary>
    /// The order only brings a position toward zero: it is on the opposite side of a held position and, with the
    /// working orders on its side, does not go past zero (Pending + quantity ≤ |Held|). Such an order passes
    /// every rule: closing is never refused.
    /// </summary>
    public bool IsReducing { get; }

    /// <summary>|Held| × mark: the symbol's exposure now.</summary>
    public decimal ExposureBefore { get; }

    /// <summary>|After| × reference price: the symbol's projected exposure.</summary>
    public decimal ExposureAfter { get; }

    /// <summary>The projected gross exposure: Σ |quantity| × mark over the other symbols + <see cref="ExposureAfter"/>.</summary>
    public decimal GrossAfter { get; }

    /// <summary>The projected equity: equity + Held × (reference price − mark) (a fill swaps cash for an equal value).</summary>
    public decimal EquityAfter { get; }

    /// <summary>
    /// The size of the projected portfolio concentrations are measured against: max(gross exposure, equity).
    /// Gross exposure alone would make any first position 100% of the portfolio (cash is part of it too);
    /// equity alone would understate a leveraged book.
    /// </summary>
    public decimal PortfolioAfter => Math.Max(GrossAfter, EquityAfter);

    /// <summary>+1 when the order buys, −1 when it sells.</summary>
    public decimal Sign => Order.Side == OrderSide.Buy ? 1m : -1m;

    /// <summary>The context's state of the order's symbol, when it holds it, works orders in it, or holds a correlated neighbour.</summary>
    internal RiskContext.SymbolState? Entry { get; }
}
