namespace Orchestrator.Domain.Portfolio;

/// <summary>A limit an order would break.</summary>
/// <param name="Limit">The limit's stored name: allowed_symbols, max_position_size, max_daily_volume, buying_power, or order (an inconsistent order).</param>
/// <param name="Value">The figure the order would reach.</param>
/// <param name="Threshold">The limit it would exceed.</param>
/// <param name="Message">Names the limit, the value and the threshold; stored as the order's rejection reason.</param>
public sealed record LimitViolation(string Limit, decimal Value, decimal Threshold, string Message);

/// <summary>The outcome of a pre-trade check: accepted, or the first limit broken.</summary>
public sealed record PreTradeResult(LimitViolation? Violation)
{
    public static PreTradeResult Accepted { get; } = new((LimitViolation?)null);

    public bool IsAccepted => Violation is null;
}
