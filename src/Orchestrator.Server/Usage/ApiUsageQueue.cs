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
    private readonly Channel<ApiUsage> _channel = Channel.CreateUnbounded<ApiUsage>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(ApiUsage row) => _channel.Writer.TryWrite(row);

    internal ChannelReader<ApiUsage> Reader => _channel.Reader;

    /// <summary>Takes everything queued right now, up to <paramref name="max"/> rows.</summary>
    internal List<ApiUsage> Drain(int max)
    {
        var batch = new List<ApiUsage>();
        while (batch.Count < max && _channel.Reader.TryRead(out var row))
        {
            batch.Add(row);
        }

        return batch;
    }
}
