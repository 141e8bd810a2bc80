using Microsoft.Data.Sqlite;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

public sealed partial class RelationalBarStore
{
    private static readonly string SqliteOneSymbol =
        $"SELECT {MinuteBars.ColumnList} FROM market_data_1m WHERE symbol = @symbol AND timestamp >= @from AND timestamp < @to ORDER BY timestamp";

    private static readonly string SqliteAllSymbols =
        $"SELECT {MinuteBars.ColumnList} FROM market_data_1m WHERE timestamp >= @from AND timestamp < @to ORDER BY timestamp, symbol";

    /// <summary>
    /// SQLite answers <c>symbol IN (...) ORDER BY timestamp, symbol</c> by reading each symbol's rows from the primary
    /// key and then sorting all of them in a temporary B-tree (3 s for a million rows, spilling to disk). Instead, each
    /// symbol is its own query, already in time order from the primary key, and the rows are merged here by
    /// (start, symbol): nothing is sorted and no other symbol's rows are touched. Without symbols, one query walks the
    /// (timestamp, symbol) index in order.
    /// </summary>
    private static IEnumerable<StoredBar> ReadSqlite(
        SqliteConnection connection, IReadOnlyCollection<string> symbols, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var fromText = SqliteTime(from);
        var toText = SqliteTime(to);
        KeyValuePair<string, string>[] Parameters(string? symbol) => symbol is null
            ? [new("@from", fromText), new("@to", toText)]
            : [new("@symbol", symbol), new("@from", fromText), new("@to", toText)];

        // Ordinal order is the tie order (SQLite's BINARY collation, PostgreSQL's "C"): a cursor's rank breaks ties.
        var ranked = symbols.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var cursors = new List<SqliteBarCursor>(Math.Max(ranked.Length, 1));
        try
        {
            if (ranked.Length == 0)
            {
                cursors.Add(new SqliteBarCursor(connection, SqliteAllSymbols, Parameters(null), null));
            }

            foreach (var symbol in ranked)
            {
                cursors.Add(new SqliteBarCursor(connection, SqliteOneSymbol, Parameters(symbol), symbol));
            }

            var next = new PriorityQueue<int, (long Ticks, int Rank)>(cursors.Count);
            for (var rank = 0; rank < cursors.Count; rank++)
            {
                if (cursors[rank].MoveNext())
                {
                    next.Enqueue(rank, (cursors[rank].Current.Start.UtcTicks, rank));
                }
            }

            while (next.TryDequeue(out var rank, out _))
            {
                ct.ThrowIfCancellationRequested();
                var bar = cursors[rank].Current;
                if (cursors[rank].MoveNext())
                {
                    next.Enqueue(rank, (cursors[rank].Current.Start.UtcTicks, rank));
                }

                yield return bar;
            }
        }
        finally
        {
            foreach (var cursor in cursors)
            {
                cursor.Dispose();
            }
        }
    }
}
