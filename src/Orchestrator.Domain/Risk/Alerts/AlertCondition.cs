namespace Orchestrator.Domain.Risk.Alerts;

/// <summary>
/// A limit a portfolio is near or past: which limit (the alert type), for which symbol or sector (null: the
/// portfolio), its value against the threshold, and how far along the threshold it is (1.0 = at the limit).
/// Severity: MEDIUM from <see cref="AlertRules.NearBreach"/> of the limit, HIGH at or past it.
/// </summary>
public sealed record AlertCondition(string Type, string? Subject, decimal Value, decimal Threshold, decimal Utilization)
{
    public bool IsBreach => Utilization >= 1m;

    public string Severity => IsBreach ? "HIGH" : "MEDIUM";

    /// <summary>The seed's violation_percentage: how far past the limit, as a fraction of it (negative while still under).</summary>
    public decimal ViolationPercentage => Utilization - 1m;
}
