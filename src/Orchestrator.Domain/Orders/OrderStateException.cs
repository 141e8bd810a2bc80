namespace Orchestrator.Domain.Orders;

/// <summary>A change the lifecycle forbids (a fill on a cancelled order, an overfill); the order is unchanged.</summary>
public sealed class OrderStateException(string message) : InvalidOperationException(message);
