using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Portfolio;

/// <summary>
/// Everything one event changed in an account, for the writer to persist in one transaction: the order (the
/// caller's instance), the fill if any, the positions touched, and the balance after.
/// </summary>
/// <param name="Reason">Why the order was cancelled or rejected, when it was.</param>
public sealed record AccountChange(Order Order, Execution? Execution, PositionChange? Position, BalanceSnapshot Balance, string? Reason = null);
