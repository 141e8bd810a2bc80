using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// The seed's selection matrix with InfluxDB configured: bars are written to the primary (InfluxDB) and archived to
/// the relational store (<c>market_data_1m</c>); reads come from the primary.
/// </summary>
public sealed class ArchivingBarStore(IBarStore primary, IBarStore archive) : IBarStore
{
    /// <summary>Bars handed to both stores at a time: the only ones held in memory.</summary>
    public const int ChunkSize = 50_000;

    public IBarStore Primary { get; } = primary;

    public IBarStore Archive { get; } = archive;

    /// <summary>
    /// Takes the input in chunks of <see cref="ChunkSize"/> and writes each to both stores at once; a chunk counts
    /// (and is reported) when both have it. If either fails the write stops there; re-running is safe (both upsert).
    /// </summary>
    public async Task<long> WriteAsync(IAsyncEnumerable<StoredBar> bars, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var chunk = new List<StoredBar>(ChunkSize);
        long total = 0;
        await foreach (var bar in bars.WithCancellation(ct))
        {
            chunk.Add(bar);
            if (chunk.Count == ChunkSize)
            {
                total += await WriteBothAsync(chunk, ct);
                progress?.Report(total);
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            total += await WriteBothAsync(chunk, ct);
            progress?.Report(total);
        }

        return total;
    }

    public IAsyncEnumerable<StoredBar> ReadAsync(IReadOnlyCollection<string> symbols, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Primary.ReadAsync(symbols, from, to, ct);

    public Task<StoredBar?> LatestAsync(string symbol, CancellationToken ct) => Primary.LatestAsync(symbol, ct);

    private async Task<int> WriteBothAsync(List<StoredBar> chunk, CancellationToken ct)
    {
        await Task.WhenAll(
            Primary.WriteAsync(chunk.ToAsyncEnumerable(), null, ct),
            Archive.WriteAsync(chunk.ToAsyncEnumerable(), null, ct));
        return chunk.Count;
    }
}
