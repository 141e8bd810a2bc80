namespace Orchestrator.Domain.Matching.Fees;

/// <summary>
/// A fraction of the fill's value with an optional minimum per fill: the seed's backtest
/// <c>commission_rate</c> (0.001 = 0.1%).
/// </summary>
public sealed record PercentageFeeModel(decimal Rate, decimal Minimum = 0m) : IFeeModel
{
    public decimal Commission(FeeContext fill) => Math.Max(fill.Notional * Rate, Minimum);
}
