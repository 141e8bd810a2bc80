using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.Orders;
using Orchestrator.Server.Live;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Tells an account's owner, on their stream, what each committed writer batch changed: <c>order</c> (every order
/// row the batch wrote: placed, rejected, filled, cancelled, expired), <c>fill</c> (every execution) and
/// <c>position</c> (every position a fill changed; marks are not sent: the stream's bars carry prices). Events
/// are queued after the commit and published by one loop per writer, so a user sees them in commit order and a
/// slow or unreachable Redis never holds the writer up.
/// </summary>
internal sealed class TradingEvents : IAsyncDisposable
{
    private readonly Channel<(Guid UserId, UserEvent Event)> _queue = Channel.CreateUnbounded<(Guid, UserEvent)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IUserEventHub[] _hubs;
    private readonly Task _pump;

    public TradingEvents(IUserEventHub[] hubs, ILogger log)
    {
        _hubs = hubs;
        _pump = hubs.Length == 0 ? Task.CompletedTask : Task.Run(async () =>
        {
            await foreach (var (userId, e) in _queue.Reader.ReadAllAsync())
            {
                foreach (var hub in _hubs)
                {
                    try
                    {
                        await hub.PublishAsync(userId, e, CancellationToken.None);
                    }
                    catch (Exception error)
                    {
                        log.LogWarning(error, "A {Type} event for user {UserId} was not published", e.Type, userId);
                    }
                }
            }
        });
    }

    /// <summary>Queues the events of a committed batch of the account's.</summary>
    public void Committed(Guid userId, Guid accountId, WriterBatch batch)
    {
        if (!Array.Exists(_hubs, hub => hub.MightListen(userId)))
        {
            return; // nobody to tell: building the events (JSON) is most of their cost
        }

        foreach (var order in batch.Orders.Values)
        {
            Queue(userId, UserEvent.Of("order", new
            {
                order.OrderId, accountId, order.ClientOrderId, order.StrategyId, order.Symbol, order.Side, order.OrderType, order.Quantity, order.LimitPrice,
                order.StopPrice, order.TimeInForce, order.Status, order.FilledQuantity, order.AverageFillPrice, order.Commission, order.RejectionReason,
                updatedAt = EventTimes.Utc(order.UpdatedAt),
            }));
        }

        foreach (var (fill, order) in batch.Fills)
        {
            Queue(userId, UserEvent.Of("fill", new
            {
                fill.OrderId, accountId, fill.TradeId, order.Symbol, side = order.Side.ToSeedName(), quantity = fill.FillQuantity, price = fill.FillPrice,
                fill.Commission, liquidity = fill.LiquidityIndicator, time = EventTimes.Utc(fill.ExchangeTime),
            }));
        }

        foreach (var position in batch.FilledPositions)
        {
            Queue(userId, UserEvent.Of("position", new
            {
                position.PositionId, accountId, position.Symbol, position.Quantity, position.AveragePrice, position.CurrentPrice, position.PositionType,
                position.RealizedPnl, position.StopPrice, position.TakeProfitPrice, openedAt = EventTimes.Utc(position.OpenedAt), closedAt = EventTimes.Utc(position.ClosedAt),
            }));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAny(_pump, Task.Delay(TimeSpan.FromSeconds(5)));
    }

    private void Queue(Guid userId, UserEvent e) => _queue.Writer.TryWrite((userId, e));
}
