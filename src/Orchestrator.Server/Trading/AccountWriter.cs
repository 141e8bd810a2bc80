using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.Brokers;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;
using DomainOrder = Orchestrator.Domain.Orders.Order;

namespace Orchestrator.Server.Trading;

/// <summary>
/// The one writer of an account (DESIGN.md): every change to the account's orders, positions and balances is a
/// message in its mailbox, applied one after another to the account's in-memory state, so two concurrent
/// orders can never both spend the same buying power or both fit under a limit. Messages that arrive together
/// are applied as one batch and committed in one transaction (group commit): an event's order, fills,
/// positions and balance always commit together, and the database sees one round trip per batch instead of
/// one per order. Different accounts have different writers and proceed in parallel.
/// </summary>
public sealed class AccountWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    /// <summary>At least a minute of retries (200 ms pause after each failed batch) before a broker event is given up.</summary>
    private const int MaxRetries = 300;

    private readonly Channel<WriterCommand> _mailbox = Channel.CreateUnbounded<WriterCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<WriterCommand> _retry = new();
    private readonly Func<OrchestratorDbContext> _newContext;
    private readonly AccountStateLoader _loader;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Task _pump;
    private DateTime _lastBalanceAt;
    private int _disposed;
    private DateTimeOffset _lastMarkSnapshot;

    private readonly TradingContext _trading;

    private readonly TradingEvents _events;

    internal AccountWriter(Guid accountId, IBrokerAdapter broker, Func<OrchestratorDbContext> newContext, AccountStateLoader loader,
        TradingContext trading, TimeProvider time, ILogger log, Live.IUserEventHub[] hubs)
    {
        _events = new TradingEvents(hubs, log);
        _trading = trading;
        AccountId = accountId;
        Broker = broker;
        _newContext = newContext;
        _loader = loader;
        _time = time;
        _log = log;
        _loop = Task.Run(RunAsync);
        _pump = Task.Run(PumpBrokerUpdatesAsync);
    }

    public Guid AccountId { get; }

    public IBrokerAdapter Broker { get; }

    /// <summary>The account's cash and positions as of the last committed change (null until the account is loaded).</summary>
    public AccountView? View { get; private set; }

    /// <summary>Whether the strategy had a working order in the symbol at the last committed change.</summary>
    public bool HasWorkingOrders(Guid strategyId, string symbol) => View?.StrategyOrders.Contains((strategyId, symbol)) == true;

    /// <summary>The account's in-memory state; only the writer's own loop touches it.</summary>
    internal LoadedAccount State { get; private set; } = null!;

    internal Dictionary<Guid, TaskCompletionSource<bool>> TerminalWaiters { get; } = [];

    public OrchestratorDbContext NewContext() => _newContext();

    internal void Post(WriterCommand command)
    {
        if (!_mailbox.Writer.TryWrite(command))
        {
            command.Fail(new ObjectDisposedException(nameof(AccountWriter)));
        }
    }

    /// <summary>Takes the account row's current limits and connection state (after an update inside the writer).</summary>
    internal void ApplyLimits(UserBrokerAccount account) => State.ApplyAccountRow(account);

    private async Task RunAsync()
    {
        var reader = _mailbox.Reader;
        var batch = new List<WriterCommand>(MaxBatch);
        try
        {
            // Not cancelled by shutdown: the loop drains what was accepted, then ends when the mailbox is completed.
            while (await reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _retry.TryDequeue(out var again))
                {
                    batch.Add(again);
                }

                while (batch.Count < MaxBatch && reader.TryPeek(out var next))
                {
                    if (next.Exclusive && batch.Count > 0)
                    {
                        break;
                    }

                    reader.TryRead(out _);
                    batch.Add(next);
                    if (next.Exclusive)
                    {
                        break;
                    }
                }

                await ProcessAsync(batch);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(List<WriterCommand> batch)
    {
        try
        {
            if (State is null)
            {
                State = await _loader.LoadAsync(AccountId, _stop.Token);
                View = AccountView.Of(State);
            }
        }
        catch (Exception error)
        {
            _log.LogError(error, "Account {AccountId} could not be loaded", AccountId);
            FailBatch(batch, error);
            await Task.Delay(TimeSpan.FromMilliseconds(200), _stop.Token);
            return;
        }

        if (batch is [{ Exclusive: true } exclusive])
        {
            await RunExclusiveAsync(exclusive);
            return;
        }

        await using var db = _newContext();
        var unit = new WriterBatch(db, _time.GetUtcNow());
        try
        {
            // Reads first (claims of the batch's client order ids, in one query), then every row of the batch in one
            // SaveChanges, which is one transaction: no explicit transaction, so no extra round trips and no lock
            // held while the broker is called (SQLite's writer lock, above all).
            await ClientIdClaims.PrefetchAsync(this, unit, batch, _stop.Token);
            foreach (var command in batch)
            {
                await command.ExecuteAsync(this, unit, _stop.Token);
            }

            if (unit.BalanceChanged)
            {
                // recorded_at is unique per account and currency: two batches in one microsecond get distinct stamps.
                var at = unit.Now.UtcDateTime;
                at = at <= _lastBalanceAt ? _lastBalanceAt.AddTicks(10) : at;
                _lastBalanceAt = at;
                db.AccountBalances.Add(TradingRows.Balance(AccountId, State.Account.Balance(), at));
            }

            await db.SaveChangesAsync(_stop.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            _log.LogError(error, "A batch of {Count} changes to account {AccountId} could not be committed; the account is reloaded", batch.Count, AccountId);
            foreach (var orderId in unit.Submitted)
            {
                await Broker.CancelAsync(new BrokerAccountRef(AccountId, State.BrokerAccountId), orderId, unit.Now, CancellationToken.None);
            }

            FailBatch(batch, error);
            State = null!;
            await Task.Delay(TimeSpan.FromMilliseconds(200), _stop.Token);
            return;
        }

        if (unit.BalanceChanged)
        {
            View = AccountView.Of(State);
        }

        _events.Committed(State.UserId, AccountId, unit);

        foreach (var action in unit.AfterCommit)
        {
            action();
        }

        foreach (var command in batch)
        {
            command.Complete();
        }

        if (unit.BalanceChanged || unit.EquityMoved)
        {
            await WatchDailyLossAsync(unit.Now);
        }
    }

    private async Task WatchDailyLossAsync(DateTimeOffset now)
    {
        try
        {
            await DailyLossWatch.CheckAsync(this, _trading, now, _stop.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            // The check reads the settings at most once per change; a failed read is tried again after the next batch.
            _log.LogError(error, "The daily loss of account {AccountId} could not be checked", AccountId);
        }
    }

    /// <summary>An exclusive command brings its own unit of work; the account is reloaded if it fails half way.</summary>
    private async Task RunExclusiveAsync(WriterCommand command)
    {
        try
        {
            await command.ExecuteAsync(this, new WriterBatch(null!, _time.GetUtcNow()), _stop.Token);
            command.Complete();
        }
        catch (Exception error)
        {
            _log.LogError(error, "An exclusive change to account {AccountId} failed; the account is reloaded", AccountId);
            command.Fail(error);
            State = null!;
        }
    }

    /// <summary>
    /// Fails the batch's commands; broker events go back for another try, up to <see cref="MaxRetries"/> times, so
    /// a database outage loses none of them while an event that can never apply cannot block the account forever.
    /// </summary>
    private void FailBatch(List<WriterCommand> batch, Exception error)
    {
        foreach (var command in batch)
        {
            if (command.RetryOnFailure && IsStorageFailure(error) && ++command.Failures < MaxRetries)
            {
                _retry.Enqueue(command);
            }
            else if (command.RetryOnFailure)
            {
                _log.LogCritical(error, "A broker event for account {AccountId} was dropped ({Failures} failed batches); reconcile the account", AccountId, command.Failures);
            }
            else
            {
                command.Fail(error);
            }
        }
    }

    /// <summary>The database failed (worth retrying), rather than the engine refusing the event (never worth it).</summary>
    private static bool IsStorageFailure(Exception error) => error switch
    {
        System.Data.Common.DbException or DbUpdateException or TimeoutException or Storage.Configuration.DatabaseUnavailableException => true,
        InvalidOperationException { InnerException: { } inner } => IsStorageFailure(inner),
        _ => false,
    };

    /// <summary>Writes a balance snapshot for a price change at most once a minute (fills always write one).</summary>
    internal bool MarkSnapshotDue(DateTimeOffset now)
    {
        if (now - _lastMarkSnapshot < TimeSpan.FromMinutes(1))
        {
            return false;
        }

        _lastMarkSnapshot = now;
        return true;
    }

    /// <summary>Moves the broker's events for this account into the mailbox, in the broker's order.</summary>
    private async Task PumpBrokerUpdatesAsync()
    {
        try
        {
            var account = await _loader.BrokerRefAsync(AccountId, _stop.Token);
            await foreach (var update in Broker.Updates(account, _stop.Token))
            {
                Post(new BrokerUpdateCommand(update, _trading));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            _log.LogError(error, "The broker update stream of account {AccountId} stopped", AccountId);
        }
    }

    /// <summary>Stops taking messages, finishes those already accepted (up to 10 s), then stops the broker stream.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _mailbox.Writer.TryComplete();
        await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(10)));
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_loop, _pump);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        await _events.DisposeAsync();
    }
}
