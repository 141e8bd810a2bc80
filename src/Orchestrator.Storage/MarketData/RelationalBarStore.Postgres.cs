using Npgsql;
using NpgsqlTypes;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

public sealed partial class RelationalBarStore
{
    /// <summary>
    /// A session-local staging table shaped like <c>market_data_1m</c> plus the row's position in the batch. COPY cannot
    /// upsert, so rows land here first; ON COMMIT DELETE ROWS empties it after every batch.
    /// </summary>
    private const string CreateStaging =
        "CREATE TEMP TABLE IF NOT EXISTS market_data_1m_staging (seq BIGINT NOT NULL, LIKE market_data_1m) ON COMMIT DELETE ROWS";

    private static readonly string CopyStaging =
        $"COPY market_data_1m_staging (seq, {MinuteBars.ColumnList}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// DISTINCT ON keeps the last of several rows for one key within a batch (ON CONFLICT refuses to touch a row twice
    /// in one statement); the WHERE skips rows whose values are unchanged, so a re-import leaves no dead tuples.
    /// </summary>
    private static readonly string UpsertFromStaging = Upsert(
        $"SELECT DISTINCT ON (symbol, timestamp) {MinuteBars.ColumnList} FROM market_data_1m_staging ORDER BY symbol, timestamp, seq DESC");

    /// <summary>The same upsert for a batch whose keys are all different (the usual case): no sort needed.</summary>
    private static readonly string UpsertDistinctFromStaging = Upsert($"SELECT {MinuteBars.ColumnList} FROM market_data_1m_staging");

    private static string Upsert(string select) =>
        $"""
        INSERT INTO market_data_1m ({MinuteBars.ColumnList})
        {select}
        ON CONFLICT (symbol, timestamp) DO UPDATE SET
            {string.Join(", ", MinuteBars.Columns[2..].Select(c => $"{c} = EXCLUDED.{c}"))}
        WHERE ({string.Join(", ", MinuteBars.Columns[2..].Select(c => "market_data_1m." + c))})
            IS DISTINCT FROM ({string.Join(", ", MinuteBars.Columns[2..].Select(c => "EXCLUDED." + c))})
        """;

    /// <summary>A batch straight into the table: what <c>\copy</c> does, possible while no row of it is stored yet.</summary>
    private static readonly string CopyTable = $"COPY market_data_1m ({MinuteBars.ColumnList}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Each batch is one transaction. While no batch has met a stored row, a batch whose keys are all different is
    /// COPYed straight into <c>market_data_1m</c> (an import of new bars, the usual case, runs at COPY's speed). When
    /// that COPY meets a stored key, its transaction rolls back and the batch, like every later one, goes through the
    /// staging table and the upsert. While a batch is written (on the thread pool), the caller's source fills the
    /// next one, so producing bars and storing them overlap. A batch is written only after the previous one has
    /// committed, so when a key comes twice, the later row wins.
    /// </summary>
    private static async Task<long> CopyOrUpsertAsync(
        NpgsqlConnection connection, IAsyncEnumerator<StoredBar> source, IProgress<long>? progress, CancellationToken ct)
    {
        var batch = new BarBatch(BatchSize);
        var next = new BarBatch(BatchSize);
        var ended = await batch.FillAsync(source);
        var straight = true;
        long total = 0;
        while (batch.Count > 0)
        {
            var written = batch;
            var mode = straight;
            var write = Task.Run(() => WriteBatchAsync(connection, written, mode, ct), ct);
            try
            {
                if (ended)
                {
                    next.Clear();
                }
                else
                {
                    ended = await next.FillAsync(source);
                }
            }
            catch
            {
                // The source failed: the batch in flight still commits (or fails) before the session is closed.
                await Task.WhenAny(write);
                if (write.IsCompletedSuccessfully)
                {
                    progress?.Report(total + batch.Count);
                }

                throw;
            }

            straight = await write;
            total += batch.Count;
            progress?.Report(total);
            (batch, next) = (next, batch);
        }

        return total;
    }

    /// <summary>Writes and commits one batch; answers whether the next batch may still try the straight COPY.</summary>
    private static async Task<bool> WriteBatchAsync(NpgsqlConnection connection, BarBatch batch, bool straight, CancellationToken ct)
    {
        if (straight && !batch.HasRepeatedKeys)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            try
            {
                await using (var importer = await connection.BeginBinaryImportAsync(CopyTable, ct))
                {
                    foreach (var bar in batch.Rows)
                    {
                        await importer.StartRowAsync(ct);
                        await WriteColumnsAsync(importer, bar, ct);
                    }

                    await importer.CompleteAsync(ct);
                }

                await transaction.CommitAsync(ct);
                return true;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await transaction.RollbackAsync(ct);
            }
        }

        await StageAndUpsertAsync(connection, batch, ct);
        return false;
    }

    private static async Task StageAndUpsertAsync(NpgsqlConnection connection, BarBatch batch, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(CreateStaging, connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var importer = await connection.BeginBinaryImportAsync(CopyStaging, ct))
        {
            var seq = 0L;
            foreach (var bar in batch.Rows)
            {
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(seq++, NpgsqlDbType.Bigint, ct);
                await WriteColumnsAsync(importer, bar, ct);
            }

            await importer.CompleteAsync(ct);
        }

        await using (var upsert = new NpgsqlCommand(batch.HasRepeatedKeys ? UpsertFromStaging : UpsertDistinctFromStaging, connection, transaction))
        {
            upsert.CommandTimeout = 0;
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The row's <see cref="MinuteBars.Columns"/>, in order, after the row (and any leading column) has started.</summary>
    private static async Task WriteColumnsAsync(NpgsqlBinaryImporter importer, StoredBar bar, CancellationToken ct)
    {
        await importer.WriteAsync(bar.Symbol, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(bar.Start.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
        await importer.WriteAsync(bar.Bar.Open, NpgsqlDbType.Numeric, ct);
        await importer.WriteAsync(bar.Bar.High, NpgsqlDbType.Numeric, ct);
        await importer.WriteAsync(bar.Bar.Low, NpgsqlDbType.Numeric, ct);
        await importer.WriteAsync(bar.Bar.Close, NpgsqlDbType.Numeric, ct);
        await importer.WriteAsync(MinuteBars.Volume(bar.Bar.Volume), NpgsqlDbType.Bigint, ct);
        await WriteNullableAsync(importer, bar.Vwap, NpgsqlDbType.Numeric, ct);
        await WriteNullableAsync(importer, bar.Bid, NpgsqlDbType.Numeric, ct);
        await WriteNullableAsync(importer, bar.Ask, NpgsqlDbType.Numeric, ct);
        await WriteNullableAsync(importer, MinuteBars.Size(bar.BidSize), NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(importer, MinuteBars.Size(bar.AskSize), NpgsqlDbType.Integer, ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, type, ct);
        }
        else
        {
            await importer.WriteNullAsync(ct);
        }
    }
}
