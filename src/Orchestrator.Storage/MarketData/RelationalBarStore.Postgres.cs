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

    /// <summary>
    /// Two sessions take turns: while one runs a batch's upsert and commit on the server, the other streams the next
    /// batch into its own staging table, so the client's encoding and the server's upsert overlap. A batch's upsert
    /// starts only after the previous batch has committed, so when a key comes twice, the later row still wins.
    /// </summary>
    private static async Task<long> CopyAndUpsertAsync(
        NpgsqlConnection[] sessions, IAsyncEnumerator<StoredBar> source, IProgress<long>? progress, CancellationToken ct)
    {
        foreach (var session in sessions)
        {
            await using var create = new NpgsqlCommand(CreateStaging, session);
            await create.ExecuteNonQueryAsync(ct);
        }

        long total = 0;
        // The batch's keys: when none repeats, the upsert needs no DISTINCT ON (and no sort of the batch).
        var keys = new HashSet<(string Symbol, long Ticks)>(BatchSize);
        Task? pending = null;
        var pendingRows = 0;
        var turn = 0;
        var more = await source.MoveNextAsync();
        try
        {
            while (more)
            {
                var connection = sessions[turn++ % sessions.Length];
                var transaction = await connection.BeginTransactionAsync(ct);
                var rows = 0;
                keys.Clear();
                var duplicates = false;
                try
                {
                    await using (var importer = await connection.BeginBinaryImportAsync(CopyStaging, ct))
                    {
                        // Rows stream from the source straight into COPY: the batch is never held in memory.
                        for (; more && rows < BatchSize; rows++, more = await source.MoveNextAsync())
                        {
                            var bar = MinuteBars.Checked(source.Current);
                            duplicates |= !keys.Add((bar.Symbol, bar.Start.UtcTicks));
                            await WriteRowAsync(importer, rows, bar, ct);
                        }

                        await importer.CompleteAsync(ct);
                    }
                }
                catch
                {
                    await transaction.DisposeAsync();
                    throw;
                }

                if (pending is not null)
                {
                    await pending;
                    total += pendingRows;
                    progress?.Report(total);
                }

                pending = UpsertAndCommitAsync(connection, transaction, duplicates ? UpsertFromStaging : UpsertDistinctFromStaging, ct);
                pendingRows = rows;
            }

            if (pending is not null)
            {
                await pending;
                total += pendingRows;
                progress?.Report(total);
                pending = null;
            }
        }
        finally
        {
            if (pending is not null)
            {
                // A failure elsewhere: let the batch in flight finish (or fail) before its session is closed.
                await Task.WhenAny(pending);
            }
        }

        return total;
    }

    private static async Task UpsertAndCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using (transaction)
        {
            await using (var upsert = new NpgsqlCommand(sql, connection, transaction))
            {
                upsert.CommandTimeout = 0;
                await upsert.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, long seq, StoredBar bar, CancellationToken ct)
    {
        await importer.StartRowAsync(ct);
        await importer.WriteAsync(seq, NpgsqlDbType.Bigint, ct);
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
