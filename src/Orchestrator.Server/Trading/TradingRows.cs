using Orchestrator.Domain.Risk.Stops;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Storage.Model.Entities;
using DomainOrder = Orchestrator.Domain.Orders.Order;
using OrderRow = Orchestrator.Storage.Model.Entities.Order;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Writes the engine's state into rows of the batch's context: orders, fills, positions and balances. A row
/// the batch already tracks is updated in place; any other is attached by key with its changing columns
/// marked, so an update never needs a read first.
/// </summary>
internal static class TradingRows
{
    /// <summary>The columns' scales: PostgreSQL would round to them anyway, SQLite keeps what it is given.</summary>
    public static decimal Price(decimal value) => decimal.Round(value, 8);

    public static decimal Money(decimal value) => decimal.Round(value, 4);

    public static OrderRow NewOrder(Guid accountId, DomainOrder order, OrderRecord record, DateTimeOffset now)
    {
        var row = new OrderRow
        {
            OrderId = order.OrderId,
            UserId = record.UserId,
            AccountId = accountId,
            ClientOrderId = record.ClientOrderId,
            StrategyId = record.StrategyId,
            Symbol = order.Symbol,
            Side = order.Side.ToSeedName(),
            OrderType = order.Type.ToSeedName(),
            Quantity = order.Quantity,
            LimitPrice = order.LimitPrice,
            StopPrice = order.StopPrice,
            TimeInForce = order.TimeInForce.ToSeedName(),
            GoodTillDate = order.GoodTillDate?.UtcDateTime,
            OrderSource = record.Source,
            SubmittedAt = record.SubmittedAt,
        };
        CopyState(row, order, record, now);
        return row;
    }

    public static void UpdateOrder(WriterBatch batch, Guid accountId, DomainOrder order, OrderRecord record)
    {
        if (batch.Orders.TryGetValue(order.OrderId, out var tracked))
        {
            CopyState(tracked, order, record, batch.Now);
            return;
        }

        var row = new OrderRow { OrderId = order.OrderId, SubmittedAt = record.SubmittedAt, AccountId = accountId, UserId = record.UserId, Symbol = order.Symbol };
        var entry = batch.Db.Orders.Attach(row);
        CopyState(row, order, record, batch.Now);
        foreach (var property in OrderStateColumns)
        {
            entry.Property(property).IsModified = true;
        }

        batch.Orders[order.OrderId] = row;
    }

    public static OrderFill Fill(DomainOrder order, OrderRecord record, Execution execution) => new()
    {
        OrderId = order.OrderId,
        OrderSubmittedAt = record.SubmittedAt,
        FillQuantity = execution.Quantity,
        FillPrice = Price(execution.Price),
        Commission = Money(execution.Commission),
        LiquidityIndicator = execution.Liquidity.ToSeedCode().ToString(),
        TradeId = execution.TradeId,
        ExchangeTime = execution.ExchangeTime.UtcDateTime,
    };

    /// <summary>The position's row, with its protective <paramref name="stop"/> beside it (null: none, as for a closed position).</summary>
    public static void WritePosition(WriterBatch batch, Guid accountId, Position position, bool opened, string? sector, string? assetClass, ProtectiveStop? stop)
    {
        if (!batch.Positions.TryGetValue(position.PositionId, out var row))
        {
            row = new AccountPosition { PositionId = position.PositionId, AccountId = accountId, Symbol = position.Symbol };
            if (opened)
            {
                row.Sector = sector;
                row.AssetClass = assetClass;
                CopyPosition(row, position, stop);
                batch.Db.AccountPositions.Add(row);
                batch.Positions[position.PositionId] = row;
                return;
            }

            var entry = batch.Db.AccountPositions.Attach(row);
            CopyPosition(row, position, stop);
            foreach (var property in PositionStateColumns)
            {
                entry.Property(property).IsModified = true;
            }

            batch.Positions[position.PositionId] = row;
            return;
        }

        CopyPosition(row, position, stop);
    }

    public static AccountBalance Balance(Guid accountId, BalanceSnapshot balance, DateTime recordedAt) => new()
    {
        AccountId = accountId,
        Currency = balance.Currency,
        CashBalance = Price(balance.CashBalance),
        BuyingPower = Price(balance.BuyingPower),
        PortfolioValue = Price(balance.PortfolioValue),
        MarginUsed = Price(balance.MarginUsed),
        MarginAvailable = Price(balance.MarginAvailable),
        RecordedAt = recordedAt,
    };

    private static readonly string[] OrderStateColumns =
        [nameof(OrderRow.FilledQuantity), nameof(OrderRow.AverageFillPrice), nameof(OrderRow.Status), nameof(OrderRow.RejectionReason),
         nameof(OrderRow.Commission), nameof(OrderRow.FilledAt), nameof(OrderRow.CancelledAt), nameof(OrderRow.UpdatedAt), nameof(OrderRow.BrokerOrderId)];

    private static readonly string[] PositionStateColumns =
        [nameof(AccountPosition.Quantity), nameof(AccountPosition.AveragePrice), nameof(AccountPosition.CurrentPrice), nameof(AccountPosition.PositionType),
         nameof(AccountPosition.UpdatedAt), nameof(AccountPosition.ClosedAt), nameof(AccountPosition.RealizedPnl),
         nameof(AccountPosition.StopPrice), nameof(AccountPosition.StopTrailingPercentage), nameof(AccountPosition.StopBestPrice), nameof(AccountPosition.TakeProfitPrice)];

    private static void CopyState(OrderRow row, DomainOrder order, OrderRecord record, DateTimeOffset now)
    {
        row.FilledQuantity = order.FilledQuantity;
        row.AverageFillPrice = order.AverageFillPrice is { } average ? Price(average) : null;
        row.Status = order.Status.ToSeedName();
        row.RejectionReason = order.RejectionReason;
        row.Commission = Money(record.Commission);
        row.FilledAt = order.FilledAt?.UtcDateTime;
        row.CancelledAt = order.CancelledAt?.UtcDateTime;
        row.BrokerOrderId = record.BrokerOrderId;
        row.UpdatedAt = now.UtcDateTime;
    }

    private static void CopyPosition(AccountPosition row, Position position, ProtectiveStop? stop)
    {
        ProtectiveStops.CopyTo(row, stop);
        row.Quantity = position.Quantity;
        row.AveragePrice = Price(position.AveragePrice);
        row.CurrentPrice = position.CurrentPrice is { } price ? Price(price) : null;
        row.PositionType = position.PositionType.ToSeedName();
        row.OpenedAt = position.OpenedAt.UtcDateTime;
        row.UpdatedAt = position.UpdatedAt.UtcDateTime;
        row.ClosedAt = position.ClosedAt?.UtcDateTime;
        row.RealizedPnl = Price(position.RealizedPnl);
    }
}
