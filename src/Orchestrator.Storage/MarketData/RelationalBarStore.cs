using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Orchestrator.Domain.MarketData;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// 1-minute bars in <c>market_data_1m</c>, written and read with plain ADO.NET (no change tracking on a path that moves
/// millions of rows). Writes take the fastest path each provider offers (<see cref="WriteAsync"/>); reads stream rows
/// in time order, one at a time (on SQLite straight from SQLite's own API, see <see cref="ReadSqlite"/>). Rows match
/// EF Core's model exactly (<c>OrchestratorDbContext.MarketData1m</c>): on SQLite decimals are text in Microsoft.Data.Sqlite's format and instants UTC text 'yyyy-MM-dd HH:mm:ss.FFFFFFF'.
/// </summary>
public sealed partial class RelationalBarStore(ConnectionFactory connections) : IBarStore
{
    /// <summary>Rows per transaction: large enough to amortise the commit, small enough that a failure loses little.</summary>
    public const int BatchSize = 50_000;

    /// <summary>
    /// PostgreSQL: binary COPY straight into the table while the bars are new, else into a temporary staging table
    /// followed by one INSERT ... ON CONFLICT DO UPDATE per batch (<see cref="CopyOrUpsertAsync"/>).
    /// SQLite: one prepared INSERT ... ON CONFLICT DO UPDATE re-bound per row. Each batch of <see cref="BatchSize"/>
    /// rows is one transaction: a failure leaves earlier batches committed (the returned count and
    /// <paramref name="progress"/> say how far it got), and re-running the write is safe because it upserts.
    /// </summary>
    public async Task<long> WriteAsync(IAsyncEnumerable<StoredBar> bars, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bars);
        await using var connection = await connections.OpenAsync(ct);
        await using var source = bars.GetAsyncEnumerator(ct);
        if (connection is not NpgsqlConnection npgsql)
        {
            return await InsertOrUpdateAsync(connection, source, progress, ct);
        }

        return await CopyOrUpsertAsync(npgsql, source, progress, ct);
    }

    public async IAsyncEnumerable<StoredBar> ReadAsync(
        IReadOnlyCollection<string> symbols, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        await using var connection = await connections.OpenAsync(ct);
        if (connection is SqliteConnection sqlite)
        {
            // Microsoft.Data.Sqlite's reads are synchronous underneath its async API: the merge steps them directly.
            foreach (var bar in ReadSqlite(sqlite, symbols, from, to, ct))
            {
                yield return bar;
            }

            yield break;
        }

        // PostgreSQL: one query; "C" ties, as SQLite's BINARY collation and the merge above order them.
        await using var command = new NpgsqlCommand(null, (NpgsqlConnection)connection);
        var filter = string.Empty;
        if (symbols.Count > 0)
        {
            command.Parameters.Add(new NpgsqlParameter("@symbols", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = symbols.ToArray() });
            filter = "symbol = ANY(@symbols) AND ";
        }

        command.CommandText =
            $"SELECT {MinuteBars.ColumnList} FROM market_data_1m WHERE {filter}timestamp >= @from AND timestamp < @to ORDER BY timestamp, symbol COLLATE \"C\"";
        command.Parameters.AddWithValue("@from", from.UtcDateTime);
        command.Parameters.AddWithValue("@to", to.UtcDateTime);

        // SequentialAccess: columns are read once, left to right, so the reader need not buffer whole rows.
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            yield return Read(reader);
        }
    }

    public async Task<StoredBar?> LatestAsync(string symbol, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        await using var connection = await connections.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {MinuteBars.ColumnList} FROM market_data_1m WHERE symbol = @symbol ORDER BY timestamp DESC LIMIT 1";
        Add(command, "@symbol", symbol);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Reads one row in <see cref="MinuteBars.Columns"/> order (strictly left to right, for SequentialAccess).</summary>
    private static StoredBar Read(DbDataReader reader)
    {
        var symbol = reader.GetString(0);
        // timestamptz comes back as a UTC DateTime; SQLite text as Unspecified, which the schema defines as UTC.
        var start = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
        var open = reader.GetDecimal(2);
        var high = reader.GetDecimal(3);
        var low = reader.GetDecimal(4);
        var close = reader.GetDecimal(5);
        var volume = reader.IsDBNull(6) ? 0L : reader.GetInt64(6);
        decimal? vwap = reader.IsDBNull(7) ? null : reader.GetDecimal(7);
        decimal? bid = reader.IsDBNull(8) ? null : reader.GetDecimal(8);
        decimal? ask = reader.IsDBNull(9) ? null : reader.GetDecimal(9);
        decimal? bidSize = reader.IsDBNull(10) ? null : reader.GetInt32(10);
        decimal? askSize = reader.IsDBNull(11) ? null : reader.GetInt32(11);
        return new StoredBar(new Bar(symbol, start, MinuteBars.Period, open, high, low, close, volume), vwap, bid, ask, bidSize, askSize);
    }

    /// <summary>The text form EF Core's SQLite provider writes and reads for a DateTime.</summary>
    private static string SqliteTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
