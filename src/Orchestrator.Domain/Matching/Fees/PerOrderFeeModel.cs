namespace Orchestrator.Domain.Matching.Fees;

/// <summary>A flat amount per order, charged on its first fill; later partial fills cost nothing.</summary>
public sealed record PerOrderFeeModel(decimal Amount) : IFeeModel
{
    public decimal Commission(FeeContext fill) => fill.IsFirstFillOfOrder ? Amount : 0m;
}
