using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Brokers;
using Orchestrator.Domain.Orders;
using Orchestrator.Server.Auditing;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Asks the broker to cancel an order. The cancellation itself arrives as a broker event, behind any fill the
/// broker produced first, so the order's row always agrees with its fills; <see cref="Done"/> completes when
/// that event has been committed.
/// </summary>
internal sealed class CancelOrderCommand(Guid orderId, Guid userId, Actor actor, TradingContext trading) : WriterCommand<OrderOutcome>
{
    private readonly TaskCompletionSource<bool> _terminal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the order has reached a terminal state in the database.</summary>
    public Task Done => _terminal.Task;

    public override async Task ExecuteAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct)
    {
        var state = writer.State;
        if (state.UserId != userId)
        {
            SetResult(new OrderOutcome(OrderOutcomeKind.NotFound, Detail: "This order does not exist."));
            return;
        }

        if (state.Find(orderId) is not var (order, _) || order.Status.IsTerminal())
        {
            var row = await batch.Db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.OrderId == orderId && o.AccountId == writer.AccountId, ct);
            SetResult(row is null
                ? new OrderOutcome(OrderOutcomeKind.NotFound, Detail: "This order does not exist.")
                : new OrderOutcome(OrderOutcomeKind.Conflict, row, $"The order is {row.Status}: only NEW and PARTIALLY_FILLED orders can be cancelled."));
            return;
        }

        writer.TerminalWaiters[orderId] = _terminal;
        if (!await writer.Broker.CancelAsync(new BrokerAccountRef(writer.AccountId, state.BrokerAccountId), orderId, batch.Now, ct))
        {
            writer.TerminalWaiters.Remove(orderId);
            SetResult(new OrderOutcome(OrderOutcomeKind.Conflict, Detail: "The order has already been filled or expired at the broker; its final state is being recorded."));
            return;
        }

        trading.Audit.Record(batch.Db, actor, "ORDER_CANCEL_REQUESTED", "ORDER", orderId.ToString(), metadata: new { accountId = writer.AccountId });
        SetResult(new OrderOutcome(OrderOutcomeKind.Created));
    }
}
