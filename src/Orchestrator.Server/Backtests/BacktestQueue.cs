using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Orchestrator.Server.Backtests;

/// <summary>
/// The runs waiting for the worker (an in-process channel; the rows in <c>backtest_runs</c> are the durable
/// copy, read back at startup) and the live progress of runs in flight, which the database sees only every
/// few seconds.
/// </summary>
public sealed class BacktestQueue
{
    private readonly Channel<Guid> _runs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<Guid, decimal> _progress = new();

    public ChannelReader<Guid> Reader => _runs.Reader;

    public void Post(Guid runId) => _runs.Writer.TryWrite(runId);

    public void Report(Guid runId, decimal progress) => _progress[runId] = progress;

    public void Forget(Guid runId) => _progress.TryRemove(runId, out _);

    /// <summary>The run's live progress while it runs, else null.</summary>
    public decimal? ProgressOf(Guid runId) => _progress.TryGetValue(runId, out var p) ? p : null;
}
