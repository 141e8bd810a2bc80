using Orchestrator.Domain.Portfolio;
using OrderRow = Orchestrator.Storage.Model.Entities.Order;

namespace Orchestrator.Server.Trading;

public enum OrderOutcomeKind
{
    /// <summary>A new order was stored and sent to the broker (201).</summary>
    Created,

    /// <summary>The client order id was seen before with the same fields: the original order (200).</summary>
    Existing,

    /// <summary>Refused before the broker by a limit or buying power; stored as REJECTED (422).</summary>
    Rejected,

    /// <summary>The client order id was used for a different order, or the order cannot be cancelled (409).</summary>
    Conflict,

    /// <summary>No such account or order for this user (404).</summary>
    NotFound,
}

/// <summary>What placing or cancelling an order came to; <see cref="Order"/> is the order's row as committed.</summary>
public sealed record OrderOutcome(OrderOutcomeKind Kind, OrderRow? Order = null, string? Detail = null, LimitViolation? Violation = null);
