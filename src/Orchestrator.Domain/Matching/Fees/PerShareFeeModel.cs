namespace Orchestrator.Domain.Matching.Fees;

/// <summary>
/// A rate per share with a minimum per fill and an optional cap as a fraction of the fill's value
/// (Interactive Brokers' fixed schedule: $0.005 per share, at least $1.00, at most 1% of trade value).
/// </summary>
public sealed record PerShareFeeModel(decimal PerShare, decimal Minimum, decimal? MaximumFractionOfValue = null) : IFeeModel
{
    public decimal Commission(FeeContext fill)
    {
        var fee = Math.Max(fill.Quantity * PerShare, Minimum);
        return MaximumFractionOfValue is { } cap ? Math.Min(fee, fill.Notional * cap) : fee;
    }
}
