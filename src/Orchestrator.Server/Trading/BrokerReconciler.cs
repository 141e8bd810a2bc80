using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.Brokers;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Risk;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Trading;

/// <summary>
/// After a restart, compares each account's books as its writer loaded them from the database (working orders and
/// their remaining quantities, open positions) with what the account's broker reports
/// (<see cref="IBrokerAdapter.OpenOrdersAsync"/>, <see cref="IBrokerAdapter.PositionsAsync"/>). The paper broker
/// agrees by construction (its book is restored from the same rows); a real broker can have filled, cancelled or
/// rejected while we were down. Every difference is logged, raised as a HIGH <c>RECONCILIATION</c> risk alert
/// and audited; nothing is sent or cancelled: a person decides.
/// </summary>
public sealed partial class BrokerReconciler(
    ConnectionFactory connections, AccountWriters writers, AuditTrail audit, RiskAlertPublisher alerts, TimeProvider time, ILogger<BrokerReconciler> log)
{
    public const string AlertType = "RECONCILIATION";

    private static readonly Actor ReconcilerActor = Actor.Platform("reconciliation", "trading/startup");

    /// <summary>Reconciles the accounts; returns how many differences were found.</summary>
    public async Task<int> ReconcileAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var total = 0;
        foreach (var accountId in accountIds)
        {
            // Both views inside the writer's sequence, alone: no broker event is being applied between the two reads.
            var (userId, differences) = await writers.RunAsync(accountId, async (writer, token) =>
            {
                var state = writer.State;
                var books = new AccountSnapshot(
                    [.. state.Account.OpenOrders.Select(o => new BrokerOrderSnapshot(o.OrderId, o.Symbol, o.Side, o.RemainingQuantity))],
                    [.. state.Account.Positions.OpenPositions.Select(p => new BrokerPositionSnapshot(p.Symbol, p.Quantity, p.AveragePrice))]);
                var account = new BrokerAccountRef(writer.AccountId, state.BrokerAccountId);
                var broker = new AccountSnapshot(await writer.Broker.OpenOrdersAsync(account, token), await writer.Broker.PositionsAsync(account, token));
                return (state.UserId, Reconciliation.Compare(books, broker));
            }, ct);

            if (differences.Count > 0)
            {
                await RaiseAsync(accountId, userId, differences, ct);
                total += differences.Count;
            }
        }

        LogReconciled(accountIds.Count, total);
        return total;
    }

    private async Task RaiseAsync(Guid accountId, Guid userId, IReadOnlyList<ReconciliationDifference> differences, CancellationToken ct)
    {
        await using var db = OrchestratorDbContext.Create(connections);
        var name = await db.UserBrokerAccounts.AsNoTracking().Where(a => a.AccountId == accountId).Select(a => a.AccountName).FirstOrDefaultAsync(ct);
        var account = name is null ? $"account {accountId}" : $"account '{name}' ({accountId})";
        var now = time.GetUtcNow().UtcDateTime;
        var raised = new List<RiskAlert>(differences.Count);
        foreach (var difference in differences)
        {
            var message = $"{account}: {difference.Describe()}. Nothing was sent or cancelled; check the account at the broker.";
            LogDifference(message);
            var details = new
            {
                account_id = accountId,
                kind = difference.Kind.ToString(),
                symbol = difference.Symbol,
                order_id = difference.OrderId,
                ours = difference.Ours,
                broker = difference.Broker,
            };
            var alert = new RiskAlert
            {
                UserId = userId,
                AlertType = AlertType,
                Severity = "HIGH",
                Title = $"Broker reconciliation: {difference.Symbol} differs",
                Message = message,
                Symbol = difference.Symbol,
                CurrentValue = difference.Broker,
                ThresholdValue = difference.Ours,
                RiskMetrics = JsonSerializer.Serialize(details),
                IsAcknowledged = false,
                CreatedAt = now,
            };
            db.RiskAlerts.Add(alert);
            raised.Add(alert);
            audit.Record(db, ReconcilerActor, "RECONCILIATION_DIFFERENCE", "ACCOUNT", accountId.ToString(), metadata: details);
        }

        await db.SaveChangesAsync(ct);
        await alerts.PublishRaisedAsync(raised, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation: {Difference}")]
    private partial void LogDifference(string difference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Accounts} accounts with their brokers, {Differences} differences")]
    private partial void LogReconciled(int accounts, int differences);
}
