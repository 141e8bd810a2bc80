using Microsoft.Extensions.Logging;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Pipeline;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Live;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Orchestration;

/// <summary>
/// Turns a running strategy's signal into an order, the way the backtester does: a signal past its
/// <c>expires_at</c> is stored EXPIRED; otherwise the strategy's working orders in the symbol are cancelled and
/// the order is the target minus the position
/// (<see cref="SignalOrders.For"/>; none when already there: stored CANCELLED), sent through the account's writer
/// with the client order id <c>sig-</c> + the signal's id, where the risk checks run and the signal's row is
/// committed with the order (EXECUTED, or CANCELLED when refused). Tells the user's stream (<c>signal</c>).
/// </summary>
internal sealed partial class SignalRouter(AccountWriters writers, ConnectionFactory connections, IUserEventHub events, TimeProvider time, ILogger<SignalRouter> log)
{
    /// <summary>Raised after an order of a signal filled at least in part (the runner refreshes the strategy's performance).</summary>
    public event Action<Guid>? Filled;

    public async Task RouteAsync(RunningStrategy strategy, Signal signal, Bar bar, CancellationToken ct)
    {
        var taken = new StrategySignal(Guid.CreateVersion7(), strategy.StrategyId, signal, time.GetUtcNow());
        string status;
        string? orderStatus = null;
        if (signal.ExpiresAt is { } expiry && expiry <= bar.End)
        {
            status = await StoreAsync(taken, SignalRows.Expired, ct);
        }
        else if (await WithoutWorkingOrdersAsync(strategy, signal, ct) is not { } order)
        {
            status = await StoreAsync(taken, SignalRows.Cancelled, ct);
        }
        else
        {
            var outcome = await writers.PlaceAsync(strategy.AccountId,
                new PlaceOrder(order, strategy.UserId, taken.ClientOrderId, OrderSources.Strategy, strategy.StrategyId, StrategyRunner.RunnerActor, taken));
            orderStatus = outcome.Order?.Status;
            status = outcome.Kind switch
            {
                OrderOutcomeKind.Created or OrderOutcomeKind.Existing => SignalRows.Executed,
                OrderOutcomeKind.Rejected => SignalRows.Cancelled,
                _ => await StoreAsync(taken, SignalRows.Cancelled, ct), // the writer stored nothing (account gone or disconnected)
            };
            if (outcome.Kind != OrderOutcomeKind.Created && outcome.Kind != OrderOutcomeKind.Existing)
            {
                LogRefused(strategy.Name, signal.Symbol, outcome.Detail ?? outcome.Kind.ToString());
            }

            if (outcome.Order is { FilledQuantity: > 0m })
            {
                Filled?.Invoke(strategy.StrategyId);
            }
        }

        await events.PublishAsync(strategy.UserId, UserEvent.Of("signal", new
        {
            signalId = taken.SignalId, strategyId = strategy.StrategyId, symbol = signal.Symbol, signalType = signal.Type.ToSeedName(),
            quantity = signal.Quantity, price = signal.Price, strength = signal.Strength, reason = signal.Reason, time = signal.Time,
            status, orderStatus,
        }), ct);
    }

    /// <summary>
    /// Cancels what is left of the strategy's earlier orders in the symbol (the new signal supersedes them, as in the
    /// backtester), then the order for the target minus the position; null when already at the target.
    /// </summary>
    private async Task<Domain.Orders.Order?> WithoutWorkingOrdersAsync(RunningStrategy strategy, Signal signal, CancellationToken ct)
    {
        var writer = writers.For(strategy.AccountId);
        if (writer.HasWorkingOrders(strategy.StrategyId, signal.Symbol))
        {
            await writers.CancelStrategyOrdersAsync(strategy.AccountId, strategy.StrategyId, signal.Symbol, StrategyRunner.RunnerActor, ct);
        }

        return SignalOrders.For(signal, writer.View?.QuantityOf(signal.Symbol) ?? 0m, Guid.CreateVersion7());
    }

    private async Task<string> StoreAsync(StrategySignal taken, string status, CancellationToken ct)
    {
        await using var db = OrchestratorDbContext.Create(connections);
        db.TradingSignals.Add(SignalRows.New(taken, status));
        await db.SaveChangesAsync(ct);
        return status;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {Strategy}: the order for its {Symbol} signal was not placed ({Reason})")]
    private partial void LogRefused(string strategy, string symbol, string reason);
}
