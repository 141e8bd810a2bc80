using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// Where 1-minute bars live: <see cref="RelationalBarStore"/> (<c>market_data_1m</c> on SQLite or PostgreSQL) or
/// <see cref="InfluxBarStore"/> (InfluxDB 1.x measurement <c>prices</c>), chosen by <see cref="BarStoreFactory"/>.
/// Bars are keyed by (symbol, start): writing a bar again replaces it, never duplicates it.
/// </summary>
public interface IBarStore
{
    /// <summary>
    /// Upserts 1-minute bars on (symbol, start), consuming <paramref name="bars"/> as a stream (batches are committed
    /// as they fill, so memory does not grow with the input). Returns the number of bars written.
    /// </summary>
    /// <param name="progress">Told the running total of bars committed after each batch.</param>
    /// <exception cref="ArgumentException">A bar whose period is not one minute.</exception>
    Task<long> WriteAsync(IAsyncEnumerable<StoredBar> bars, IProgress<long>? progress, CancellationToken ct);

    /// <summary>
    /// The 1-minute bars of <paramref name="symbols"/> (every symbol when empty) starting in
    /// [<paramref name="from"/>, <paramref name="to"/>), in time order with ties by symbol (ordinal), streamed.
    /// </summary>
    IAsyncEnumerable<StoredBar> ReadAsync(IReadOnlyCollection<string> symbols, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>The symbol's most recent bar, or null when it has none.</summary>
    Task<StoredBar?> LatestAsync(string symbol, CancellationToken ct);
}
