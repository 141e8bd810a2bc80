using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Brokers;

/// <summary>
/// What the platform needs from a broker, so a real one (Alpaca first: its REST orders/positions endpoints
/// and its trade-updates stream map onto these members one to one) plugs in without touching the core.
/// The per-account writer is the only caller; it persists what the adapter reports. The built-in
/// implementation is the paper broker, the simulated exchange of <c>Matching/</c>.
/// </summary>
public interface IBrokerAdapter
{
    /// <summary>The <c>brokers.broker_id</c> this adapter serves.</summary>
    string BrokerId { get; }

    /// <summary>Checks the account's credentials with the broker; a failure's message goes to <c>connection_error</c>.</summary>
    Task<BrokerConnectResult> ConnectAsync(BrokerAccountRef account, string? credentialsJson, CancellationToken ct);

    /// <summary>Sends a new order. Executions the broker reports at once (a marketable order) come back in the ack.</summary>
    Task<BrokerOrderAck> SubmitAsync(BrokerAccountRef account, Order order, DateTimeOffset now, CancellationToken ct);

    /// <summary>Asks the broker to cancel what remains of an order; the outcome arrives on <see cref="Updates"/>.</summary>
    Task<bool> CancelAsync(BrokerAccountRef account, Guid orderId, DateTimeOffset now, CancellationToken ct);

    /// <summary>The broker's view of the account's working orders, for reconciliation after a restart.</summary>
    Task<IReadOnlyList<BrokerOrderSnapshot>> OpenOrdersAsync(BrokerAccountRef account, CancellationToken ct);

    /// <summary>The broker's view of the account's positions, for reconciliation after a restart.</summary>
    Task<IReadOnlyList<BrokerPositionSnapshot>> PositionsAsync(BrokerAccountRef account, CancellationToken ct);

    /// <summary>
    /// Fills, cancels and expiries that happen after submission (a resting order meeting the market), in the
    /// order the broker produced them, for one account.
    /// </summary>
    IAsyncEnumerable<BrokerOrderUpdate> Updates(BrokerAccountRef account, CancellationToken ct);
}

/// <summary>An account as an adapter sees it: ours and the broker's id for it.</summary>
public sealed record BrokerAccountRef(Guid AccountId, string BrokerAccountId);

public sealed record BrokerConnectResult(bool Connected, string? Error);

/// <summary>The broker's answer to a submission: its order id and what happened at once.</summary>
public sealed record BrokerOrderAck(string BrokerOrderId, IReadOnlyList<BrokerOrderUpdate> Immediate);

public enum BrokerOrderUpdateKind
{
    Fill,
    Cancelled,
    Expired,
    Rejected,
}

/// <summary>One change to an order reported by a broker.</summary>
public sealed record BrokerOrderUpdate(
    BrokerOrderUpdateKind Kind,
    Guid OrderId,
    DateTimeOffset At,
    BrokerFill? Fill = null,
    string? Reason = null);

/// <summary>An execution as a broker reports it; <see cref="Liquidity"/> is 'A' (aggressive) or 'P' (passive).</summary>
public sealed record BrokerFill(string TradeId, decimal Quantity, decimal Price, decimal Commission, char Liquidity, DateTimeOffset ExchangeTime);

public sealed record BrokerOrderSnapshot(Guid OrderId, string Symbol, OrderSide Side, decimal RemainingQuantity);

public sealed record BrokerPositionSnapshot(string Symbol, decimal Quantity, decimal AveragePrice);
