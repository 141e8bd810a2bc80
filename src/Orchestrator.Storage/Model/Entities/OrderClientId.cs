namespace Orchestrator.Storage.Model.Entities;

/// <summary>
/// A row of <c>order_client_ids</c>: an account's claim on a client order id, pointing at the order it made
/// (unique per account; see migration 20261126_003_trading for why it is not a key of <c>orders</c>).
/// </summary>
public sealed class OrderClientId
{
    public Guid AccountId { get; set; }

    public string ClientOrderId { get; set; } = string.Empty;

    public Guid OrderId { get; set; }

    public DateTime OrderSubmittedAt { get; set; }

    public DateTime? CreatedAt { get; set; }
}
