using System.Threading.Channels;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Usage;

/// <summary>
/// The hand-off between requests and the usage writer: a request only enqueues its row (no I/O on the
/// request path); <see cref="ApiUsageWriterService"/> stores them in batches. Unbounded, so no row is
/// ever dropped; the writer keeps up in batches of thousands.
/// </summary>
public sealed class ApiUsageQueue
{
    // Not SingleReader: that channel cannot count its items, and Pending needs the count.
    private readonly Channel<ApiUsage> _channel = Channel.CreateUnbounded<ApiUsage>();
    private int _inFlight;

    public void Enqueue(ApiUsage row) => _channel.Writer.TryWrite(row);

    /// <summary>Rows not yet stored: queued, or taken by the writer and not yet committed.</summary>
    public int Pending => _channel.Reader.Count + Volatile.Read(ref _inFlight);

    /// <summary>The writer has stored (or given up on) <paramref name="count"/> rows it drained.</summary>
    internal void Completed(int count) => Interlocked.Add(ref _inFlight, -count);

    internal ChannelReader<ApiUsage> Reader => _channel.Reader;

    /// <summary>Takes everything queued right now, up to <paramref name="max"/> rows.</summary>
    internal List<ApiUsage> Drain(int max)
    {
        var batch = new List<ApiUsage>();
        while (batch.Count < max && _channel.Reader.TryRead(out var row))
        {
            batch.Add(row);
        }

        Interlocked.Add(ref _inFlight, batch.Count);
        return batch;
    }
}
