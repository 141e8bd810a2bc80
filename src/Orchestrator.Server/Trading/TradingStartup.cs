using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Server.Hosting;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Brings trading back after a start: the symbol directory, the last known bar of every symbol (so market
/// orders have a price), and the paper exchange's book, which lives in the database: every working order goes
/// back in submission order (its time priority) with the fills it already had, and its account's writer starts
/// so that events for it are applied. Positions are rebuilt from the open position rows. Then each of those
/// accounts is reconciled with its broker (<see cref="BrokerReconciler"/>). All of it only once this process holds
/// the database's trading lease (<see cref="TradingOwnership"/>): while another process holds it, this one retries
/// every two seconds, a standby that takes over when the other stops.
/// </summary>
public sealed class TradingStartup(
    ConnectionFactory connections, TradingOwnership ownership, SymbolDirectory symbols, PaperBroker paper, AccountWriters writers, IBarStore bars,
    BrokerReconciler reconciler, ILogger<TradingStartup> log)
    : DatabaseStartupTask(log)
{
    protected override string Subject => "Trading";

    /// <inheritdoc />
    protected override Task RunAsync(CancellationToken cancellationToken) => RestoreAsync(cancellationToken);

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        await ownership.AcquireAsync(TimeSpan.Zero, cancellationToken);
        await using var db = OrchestratorDbContext.Create(connections);
        // Paper trade ids are "PAPER-" and ten digits, so the highest stored id sorts last as text.
        var lastTradeId = await db.OrderFills.AsNoTracking().Where(f => f.TradeId != null && f.TradeId.StartsWith("PAPER-"))
            .OrderByDescending(f => f.TradeId).Select(f => f.TradeId).FirstOrDefaultAsync(cancellationToken);
        paper.Start(lastTradeId is not null && long.TryParse(lastTradeId.AsSpan("PAPER-".Length), out var sequence) ? sequence + 1 : 1);
        await symbols.LoadAsync(db, cancellationToken);

        foreach (var symbol in await db.MarketData1m.AsNoTracking().Select(b => b.Symbol).Distinct().ToListAsync(cancellationToken))
        {
            if (await bars.LatestAsync(symbol, cancellationToken) is { } last)
            {
                paper.OnBar(last.Bar);
            }
        }

        var positions = await db.AccountPositions.AsNoTracking().Where(p => p.ClosedAt == null).ToListAsync(cancellationToken);
        foreach (var position in positions)
        {
            paper.RestorePosition(position.AccountId, position.Symbol, position.Quantity, position.AveragePrice, OpenOrderReplay.Utc(position.OpenedAt));
        }

        var working = await OpenOrderReplay.LoadAsync(db, null, cancellationToken);
        foreach (var (row, order) in working)
        {
            paper.Restore(row.AccountId, order, OpenOrderReplay.Utc(row.SubmittedAt));
        }

        var open = working.Select(o => o.Row).ToList();
        var accounts = open.Select(o => o.AccountId).Concat(positions.Select(p => p.AccountId)).Distinct().ToList();
        foreach (var accountId in accounts)
        {
            // A writer per account with working orders or open positions: it takes their fills and marks, manages
            // their protective stops and watches the day's loss from the first price on.
            writers.StartRestored(accountId);
        }

        if (open.Count > 0)
        {
            log.LogInformation("Restored {Orders} working orders of {Accounts} accounts into the paper exchange", open.Count, open.Select(o => o.AccountId).Distinct().Count());
        }

        // Requests may trade from here on; the reconciliation runs in each writer's sequence like any of them.
        ownership.MarkReady();
        try
        {
            await reconciler.ReconcileAsync(accounts, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The book is restored and trading goes on; running this task again would restore the book twice.
            log.LogError(error, "The accounts could not be reconciled with their brokers");
        }
    }
}
