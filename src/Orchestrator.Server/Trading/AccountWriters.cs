using Orchestrator.Domain.MarketData;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Server.Auditing;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Trading;

/// <summary>
/// The writers of all accounts, one per account, created on first use. Every path that changes an account's
/// trading state (orders, cancels, broker events, marks, limit changes) goes through here.
/// </summary>
public sealed class AccountWriters : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, Lazy<AccountWriter>> _writers = new();
    private readonly ConcurrentDictionary<Guid, Guid> _owners = new();
    private readonly PaperBroker _paper;
    private readonly TradingContext _trading;
    private readonly Func<OrchestratorDbContext> _newContext;
    private readonly AccountStateLoader _loader;
    private readonly TimeProvider _time;
    private readonly ILogger<AccountWriter> _log;
    private readonly TradingOwnership _ownership;

    private readonly Live.IUserEventHub[] _hubs;

    /// <summary>The writers; <paramref name="hubs"/> is where the owners' order, fill and position events go (none where no stream is hosted, as in the CLI).</summary>
    public AccountWriters(PaperBroker paper, TradingContext trading, ConnectionFactory connections, TradingOwnership ownership, TradingOptions options, TimeProvider time,
        ILogger<AccountWriter> log, IEnumerable<Live.IUserEventHub> hubs)
    {
        _ownership = ownership;
        _hubs = [.. hubs];
        _paper = paper;
        _trading = trading;
        _newContext = () => OrchestratorDbContext.Create(connections);
        _loader = new AccountStateLoader(_newContext, time, options);
        _time = time;
        _log = log;
    }

    /// <summary>
    /// The writer of an account (every account is a paper account until another adapter exists); a 503
    /// (<see cref="TradingNotReadyException"/>) where this process does not run trading (<see cref="TradingOwnership"/>).
    /// </summary>
    public AccountWriter For(Guid accountId)
    {
        _ownership.EnsureReady();
        return Writer(accountId);
    }

    /// <summary>
    /// Starts the writer of an account whose orders or positions the book restore just put back, before trading is
    /// ready for requests (<see cref="TradingStartup"/>): this process must hold the lease.
    /// </summary>
    internal void StartRestored(Guid accountId)
    {
        if (!_ownership.IsHeld)
        {
            throw new InvalidOperationException("Only the process that holds the trading lease restores the book.");
        }

        Writer(accountId);
    }

    private AccountWriter Writer(Guid accountId) =>
        _writers.GetOrAdd(accountId, id => new Lazy<AccountWriter>(() => new AccountWriter(id, _paper, _newContext, _loader, _trading, _time, _log, _hubs))).Value;

    /// <summary>
    /// Whether the user owns the (not deleted) account: read once per account, then answered from memory, so an
    /// order costs no extra query. Only owned accounts ever get a writer. (The writer checks owner and deletion
    /// again in its own sequence, so a stale answer here can only lead to a 404 there.)
    /// </summary>
    public async Task<bool> OwnsAsync(Guid userId, Guid accountId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (_owners.TryGetValue(accountId, out var owner))
        {
            return owner == userId;
        }

        var found = await db.UserBrokerAccounts.AsNoTracking().Where(a => a.AccountId == accountId && a.DeletedAt == null)
            .Select(a => (Guid?)a.UserId).FirstOrDefaultAsync(ct);
        if (found is not { } user)
        {
            return false;
        }

        _owners[accountId] = user;
        return user == userId;
    }

    /// <summary>Drops a deleted account from the ownership cache.</summary>
    public void Forget(Guid accountId) => _owners.TryRemove(accountId, out _);

    public Task<OrderOutcome> PlaceAsync(Guid accountId, PlaceOrder order)
    {
        var command = new SubmitOrderCommand(order, _trading);
        For(accountId).Post(command);
        return command.Task;
    }

    /// <summary>Cancels an order and waits (up to <paramref name="wait"/>) until the cancellation is committed.</summary>
    public async Task<OrderOutcome> CancelAsync(Guid accountId, Guid orderId, Guid userId, Actor actor, TimeSpan wait, CancellationToken ct)
    {
        var command = new CancelOrderCommand(orderId, userId, actor, _trading);
        For(accountId).Post(command);
        var outcome = await command.Task;
        if (outcome.Kind == OrderOutcomeKind.Created)
        {
            await command.Done.WaitAsync(wait, ct);
        }

        return outcome;
    }

    /// <summary>Cancels every working order of an account (before it is deleted).</summary>
    public Task CancelAllAsync(Guid accountId, Actor actor, CancellationToken ct) => CancelWorkingAsync(accountId, actor, openingOnly: false, ct);

    /// <summary>
    /// Cancels the account's working orders, or with <paramref name="openingOnly"/> only those that would open or
    /// increase a position (what remains of them, against the position now), as a REDUCING kill switch asks.
    /// </summary>
    public Task CancelWorkingAsync(Guid accountId, Actor actor, bool openingOnly, CancellationToken ct) =>
        CancelWhereAsync(accountId, actor, (state, orderId) => !openingOnly || Opens(state, orderId), ct);

    /// <summary>Cancels a strategy's working orders in a symbol (before its next signal's order, as the backtester does).</summary>
    public Task CancelStrategyOrdersAsync(Guid accountId, Guid strategyId, string symbol, Actor actor, CancellationToken ct) =>
        CancelWhereAsync(accountId, actor, (state, orderId) => state.Records[orderId].StrategyId == strategyId && state.Account.FindOrder(orderId)?.Symbol == symbol, ct);

    /// <summary>Cancels the working orders <paramref name="which"/> picks (read in the writer's sequence), each awaited until committed.</summary>
    private async Task CancelWhereAsync(Guid accountId, Actor actor, Func<LoadedAccount, Guid, bool> which, CancellationToken ct)
    {
        var (open, userId) = await RunAsync(accountId, (writer, _) =>
        {
            var state = writer.State;
            var ids = state.Records.Keys.Where(id => which(state, id)).ToList();
            return Task.FromResult((ids, state.UserId));
        }, ct);
        foreach (var orderId in open)
        {
            await CancelAsync(accountId, orderId, userId, actor, TimeSpan.FromSeconds(10), ct);
        }
    }

    private static bool Opens(LoadedAccount state, Guid orderId)
    {
        if (state.Account.FindOrder(orderId) is not { } order)
        {
            return false;
        }

        var held = state.Account.Positions.Open(order.Symbol)?.Quantity ?? 0m;
        var remaining = order.RemainingQuantity;
        return order.Side == Domain.Orders.OrderSide.Buy ? held >= 0m || remaining > -held : held <= 0m || remaining > held;
    }

    public Task<T> RunAsync<T>(Guid accountId, Func<AccountWriter, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var command = new RunCommand<T>(work);
        For(accountId).Post(command);
        return command.Task.WaitAsync(ct);
    }

    /// <summary>
    /// A new bar (or a quote as a one-price bar at its mid): every loaded account marks its position in the symbol
    /// at the close and feeds it to the position's protective stop, if it holds one (the writer decides).
    /// </summary>
    public void Mark(in Bar bar)
    {
        foreach (var (_, lazy) in _writers)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Post(new MarkCommand(bar, _trading));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, lazy) in _writers)
        {
            if (lazy.IsValueCreated)
            {
                await lazy.Value.DisposeAsync();
            }
        }
    }
}
