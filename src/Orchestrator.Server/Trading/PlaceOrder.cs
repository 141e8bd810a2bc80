using Orchestrator.Server.Auditing;
using DomainOrder = Orchestrator.Domain.Orders.Order;

namespace Orchestrator.Server.Trading;

/// <summary>A validated order on its way into an account's writer; <paramref name="Signal"/> when a strategy's signal caused it.</summary>
public sealed record PlaceOrder(DomainOrder Order, Guid UserId, string? ClientOrderId, string Source, Guid? StrategyId, Actor Actor,
    Orchestration.StrategySignal? Signal = null);
