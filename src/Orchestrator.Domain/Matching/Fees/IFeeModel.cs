namespace Orchestrator.Domain.Matching.Fees;

/// <summary>One execution, as a fee model sees it.</summary>
/// <param name="Quantity">Shares (or units) in this fill, positive.</param>
/// <param name="Price">The fill price.</param>
/// <param name="IsFirstFillOfOrder">True for an order's first fill: per-order fees are charged once.</param>
public readonly record struct FeeContext(decimal Quantity, decimal Price, bool IsFirstFillOfOrder)
{
    public decimal Notional => Quantity * Price;
}

/// <summary>Commission charged on a fill (one model per file, as Lean's Common/Orders/Fees).</summary>
public interface IFeeModel
{
    decimal Commission(FeeContext fill);
}
