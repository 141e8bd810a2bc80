namespace Orchestrator.Domain.Backtesting;

/// <summary>
/// One point of the equity curve: the account's equity (cash plus positions marked at their last close) at
/// <paramref name="Time"/>, and how far it is below the highest equity so far, as a fraction (0.1 = 10% under
/// the peak; 0 at a new high). The curve has the starting capital first, then one point per trading day's close.
/// </summary>
public sealed record EquityPoint(DateTimeOffset Time, decimal Equity, decimal Drawdown);
