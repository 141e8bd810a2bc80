using Orchestrator.Storage.Model.Entities;
using OrderRow = Orchestrator.Storage.Model.Entities.Order;

namespace Orchestrator.Server.Orders;

/// <summary>The body of <c>POST /api/v1/orders</c>, with the seed's spellings (<c>BUY</c>, <c>STOP_LIMIT</c>, <c>GTD</c>).</summary>
public sealed record PlaceOrderRequest(
    Guid? AccountId,
    string? ClientOrderId,
    string? Symbol,
    string? Side,
    string? OrderType,
    decimal? Quantity,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    string? TimeInForce = null,
    DateTimeOffset? GoodTillDate = null);

public sealed record OrderView(
    Guid OrderId, Guid AccountId, string? ClientOrderId, string? BrokerOrderId, Guid? StrategyId, string Symbol, string Side,
    string OrderType, decimal Quantity, decimal FilledQuantity, decimal? LimitPrice, decimal? StopPrice, decimal? AverageFillPrice,
    string TimeInForce, DateTime? GoodTillDate, string Status, string? RejectionReason, string OrderSource, decimal Commission,
    DateTime SubmittedAt, DateTime? FilledAt, DateTime? CancelledAt, DateTime? UpdatedAt)
{
    public static OrderView From(OrderRow o) => new(
        o.OrderId, o.AccountId, o.ClientOrderId, o.BrokerOrderId, o.StrategyId, o.Symbol, o.Side, o.OrderType, o.Quantity,
        o.FilledQuantity ?? 0m, o.LimitPrice, o.StopPrice, o.AverageFillPrice, o.TimeInForce ?? "DAY", o.GoodTillDate, o.Status,
        o.RejectionReason, o.OrderSource ?? "MANUAL", o.Commission ?? 0m, o.SubmittedAt, o.FilledAt, o.CancelledAt, o.UpdatedAt);
}

public sealed record FillView(Guid FillId, Guid OrderId, decimal Quantity, decimal Price, decimal Commission, string? LiquidityIndicator,
    string? TradeId, DateTime? ExchangeTime, DateTime? CreatedAt)
{
    public static FillView From(OrderFill f) => new(f.FillId, f.OrderId, f.FillQuantity, f.FillPrice, f.Commission ?? 0m, f.LiquidityIndicator,
        f.TradeId, f.ExchangeTime, f.CreatedAt);
}

/// <summary>One page of a list, newest first; <c>hasMore</c> says whether the next page has rows.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasMore);

/// <summary>The filters of <c>GET /api/v1/orders</c>.</summary>
public sealed record OrderFilter(Guid? AccountId, string? Status, string? Symbol, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize);
