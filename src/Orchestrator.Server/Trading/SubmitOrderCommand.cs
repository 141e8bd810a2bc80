using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Brokers;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Risk;
using Orchestrator.Storage.Model.Entities;
using DomainOrder = Orchestrator.Domain.Orders.Order;
using OrderRow = Orchestrator.Storage.Model.Entities.Order;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Places an order: the idempotency claim, the account's checks (limits, buying power) against its state at
/// this moment in the writer's sequence, then the broker; the order row, its claim, its immediate fills, the
/// positions and the balance they change all go into the writer's current transaction.
/// </summary>
internal sealed class SubmitOrderCommand(PlaceOrder request, TradingContext trading) : WriterCommand<OrderOutcome>
{
    /// <summary>Why an order for a disconnected account is refused (a 409); the dry run says the same.</summary>
    public const string DisconnectedDetail = "The account is disconnected: connect it (POST /api/v1/accounts/{id}/connect) before placing orders.";

    public string? ClientOrderId => request.ClientOrderId;

    public override async Task ExecuteAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct)
    {
        var outcome = await PlaceAsync(writer, batch, ct);
        if (!IsWorking(outcome))
        {
            // A protective exit that was not placed leaves its position as open as before: its stop stands again.
            ProtectiveStops.OnExitEnded(writer.State, request.Order.Symbol, request.ClientOrderId);
        }

        SetResult(outcome);
    }

    /// <summary>Placed now, or found still working under its client order id.</summary>
    private static bool IsWorking(OrderOutcome outcome) =>
        (outcome.Kind == OrderOutcomeKind.Created && outcome.Order?.Status != "REJECTED")
        || (outcome.Kind == OrderOutcomeKind.Existing && outcome.Order?.Status is "NEW" or "PARTIALLY_FILLED");

    private async Task<OrderOutcome> PlaceAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct)
    {
        var state = writer.State;
        var order = request.Order;
        if (state.Deleted || state.UserId != request.UserId)
        {
            return new OrderOutcome(OrderOutcomeKind.NotFound, Detail: "This account does not exist.");
        }

        if (request.ClientOrderId is { } clientId && await FindClaimAsync(batch, clientId, ct) is { } existing)
        {
            return SameOrder(existing, order)
                ? new OrderOutcome(OrderOutcomeKind.Existing, existing)
                : new OrderOutcome(OrderOutcomeKind.Conflict, existing, $"clientOrderId '{clientId}' was already used for a different order ({existing.OrderId}).");
        }

        if (!state.Connected)
        {
            return new OrderOutcome(OrderOutcomeKind.Conflict, Detail: DisconnectedDetail);
        }

        var record = new OrderRecord(request.UserId, batch.Now.UtcDateTime, request.ClientOrderId, request.Source, request.StrategyId) { Signal = request.Signal };
        var (violation, reference, tradingDay, _) = await OrderChecks.EvaluateAsync(writer, trading, batch.Db, order, batch.Now, ct);
        if (violation is null)
        {
            state.Account.Accept(order, reference!.Value, tradingDay);
        }

        if (violation is not null)
        {
            state.Account.Reject(order, violation.Message);
            AddSignalRow(batch, Orchestration.SignalRows.Cancelled);
            AddOrderRows(writer, batch, record, "ORDER_REJECTED");
            return new OrderOutcome(OrderOutcomeKind.Rejected, batch.Orders[order.OrderId], violation.Message, violation);
        }

        state.Records[order.OrderId] = record;
        AddSignalRow(batch, Orchestration.SignalRows.Executed);
        AddOrderRows(writer, batch, record, "ORDER_PLACED");
        batch.Submitted.Add(order.OrderId);
        batch.BalanceChanged = true;
        var ack = await writer.Broker.SubmitAsync(new BrokerAccountRef(writer.AccountId, state.BrokerAccountId), order, batch.Now, ct);
        record.BrokerOrderId = ack.BrokerOrderId;
        TradingRows.UpdateOrder(batch, writer.AccountId, order, record);
        foreach (var update in ack.Immediate)
        {
            BrokerUpdateApplier.Apply(writer, batch, update, trading);
        }

        return new OrderOutcome(OrderOutcomeKind.Created, batch.Orders[order.OrderId]);
    }

    /// <summary>The strategy signal behind the order, stored with it (its fills update the row in this batch or later).</summary>
    private void AddSignalRow(WriterBatch batch, string status)
    {
        if (request.Signal is { } taken)
        {
            var row = Orchestration.SignalRows.New(taken, status);
            batch.Db.TradingSignals.Add(row);
            batch.Signals[taken.SignalId] = row;
        }
    }

    private void AddOrderRows(AccountWriter writer, WriterBatch batch, OrderRecord record, string action)
    {
        var row = TradingRows.NewOrder(writer.AccountId, request.Order, record, batch.Now);
        batch.Db.Orders.Add(row);
        batch.Orders[row.OrderId] = row;
        if (request.ClientOrderId is { } clientId)
        {
            batch.Db.OrderClientIds.Add(new OrderClientId { AccountId = writer.AccountId, ClientOrderId = clientId, OrderId = row.OrderId, OrderSubmittedAt = row.SubmittedAt });
            batch.ClaimedClientIds[clientId] = row.OrderId;
        }

        trading.Audit.Record(batch.Db, request.Actor, action, "ORDER", row.OrderId.ToString(), newValues: AuditValues.Serialize(new
        {
            accountId = writer.AccountId,
            row.ClientOrderId,
            row.Symbol,
            row.Side,
            row.OrderType,
            row.Quantity,
            row.LimitPrice,
            row.StopPrice,
            row.TimeInForce,
            row.GoodTillDate,
            row.Status,
            row.RejectionReason,
        }));
    }

    private static async Task<OrderRow?> FindClaimAsync(WriterBatch batch, string clientId, CancellationToken ct)
    {
        if (batch.ClaimedClientIds.TryGetValue(clientId, out var inBatch))
        {
            return batch.Orders[inBatch];
        }

        if (!batch.StoredClaims.TryGetValue(clientId, out var claim))
        {
            return null;
        }

        return await batch.Db.Orders.AsNoTracking().SingleAsync(o => o.OrderId == claim.OrderId && o.SubmittedAt == claim.SubmittedAt, ct);
    }

    /// <summary>The fields that define an order: a re-sent order must match them all to be "the same".</summary>
    private static bool SameOrder(OrderRow row, DomainOrder order) =>
        row.Symbol == order.Symbol && row.Side == order.Side.ToSeedName() && row.OrderType == order.Type.ToSeedName()
        && row.Quantity == order.Quantity && row.LimitPrice == order.LimitPrice && row.StopPrice == order.StopPrice
        && row.TimeInForce == order.TimeInForce.ToSeedName()
        && row.GoodTillDate == order.GoodTillDate?.UtcDateTime;
}
