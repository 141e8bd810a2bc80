using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Leases;

namespace Orchestrator.Server.Trading;

/// <summary>
/// This process's claim on trading for its database (<see cref="DatabaseLease"/> named <c>trading</c>). One process
/// runs a database's account writers, paper exchange and strategy runner: two would give an account two writers,
/// each spending the same buying power, and run every active strategy twice. <c>serve</c> and <c>run</c> take the
/// lease before anything else and refuse to start while another process holds it; a server built otherwise (in
/// process, as the tests build it) waits as a standby instead: it answers everything but trading (503) and takes over
/// when the holder goes. Once held, the lease is kept for the life of the process (<see cref="TradingOwnershipWatch"/>).
/// Trading is <em>ready</em> once the holder has also restored the book (<see cref="TradingStartup"/>): the strategy
/// runner, the demo's replay and the kill switch's monitor wait for that (<see cref="WhenReady"/>).
/// </summary>
public sealed class TradingOwnership(ConnectionFactory connections) : IAsyncDisposable
{
    public const string LeaseName = "trading";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DatabaseLease? _lease;
    private volatile bool _lost;
    private int _disposed;

    /// <summary>How this process names itself to others in the lease.</summary>
    public static string Holder { get; } = $"orchestrator pid {Environment.ProcessId} on {Environment.MachineName}";

    /// <summary>Whether this process runs trading on its database now.</summary>
    public bool IsHeld => _lease is not null && !_lost;

    /// <summary>Completes when this process holds the lease and has restored the paper book (<see cref="MarkReady"/>).</summary>
    public Task WhenReady => _ready.Task;

    /// <summary>Whether this process held the lease and lost it (it stops; its exit code says so).</summary>
    public bool IsLost => _lost;

    /// <summary>The book is restored: trading runs here (called by <see cref="TradingStartup"/> once it has).</summary>
    public void MarkReady() => _ready.TrySetResult();

    /// <summary>
    /// Takes the lease unless this process holds it already, trying again for up to <paramref name="wait"/> (a holder
    /// killed a moment ago lets go once its database session or file closes); throws
    /// <see cref="TradingOwnedElsewhereException"/> when another process still holds it.
    /// </summary>
    public async Task AcquireAsync(TimeSpan wait, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + wait;
        await _gate.WaitAsync(ct);
        try
        {
            while (_lease is null)
            {
                _lease = await DatabaseLease.TryAcquireAsync(connections, LeaseName, Holder, ct);
                if (_lease is null && DateTime.UtcNow >= deadline)
                {
                    throw new TradingOwnedElsewhereException(await DatabaseLease.HolderAsync(connections, LeaseName, ct));
                }

                if (_lease is null)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Throws the 503 a request that changes trading's settings gets on a process that does not run trading: a
    /// standby, or a holder that lost the lease. (Orders and everything else that goes through an account's writer
    /// wait for the book as well: <see cref="EnsureReady"/>.)
    /// </summary>
    public void EnsureHeld()
    {
        if (_lost)
        {
            throw new TradingNotReadyException("Trading stopped on this server: it lost its claim on the database's trading. Try again shortly.");
        }

        if (_lease is null)
        {
            throw new TradingNotReadyException();
        }
    }

    /// <summary>
    /// <see cref="EnsureHeld"/>, and the book restored: an order let in while the holder that just took over still
    /// restores would reach a paper exchange without its resting orders, and the restore would then add it again.
    /// </summary>
    public void EnsureReady()
    {
        EnsureHeld();
        if (!_ready.Task.IsCompleted)
        {
            throw new TradingNotReadyException();
        }
    }

    /// <summary>Whether the lease still stands (false once lost: it is never taken back in this process, whose state may be stale).</summary>
    internal async Task<bool> CheckAsync(CancellationToken ct)
    {
        if (_lost || _lease is null)
        {
            return !_lost;
        }

        _lost = !await _lease.IsHeldAsync(ct);
        return !_lost;
    }

    /// <summary>Lets the lease go (after the writers, which the container disposes first: they were created after this).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Under the gate: an acquisition still retrying finishes (or is cancelled by its host's stop) before the lease goes.
        await _gate.WaitAsync();
        try
        {
            if (_lease is not null)
            {
                await _lease.DisposeAsync();
                _lease = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
