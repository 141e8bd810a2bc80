using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Orchestrator.Domain.MarketData;
using SQLitePCL;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// One query over <c>market_data_1m</c> on SQLite, stepped row by row through SQLite's own API on the connection's
/// handle, its columns (<see cref="SqliteColumns"/>) decoded from their bytes (<see cref="SqliteBarText"/>) into <see cref="Current"/>.
/// Microsoft.Data.Sqlite would build a string per value and parse it (its GetBytes even opens a blob handle per
/// call); a read of millions of bars spends most of its time there. The row's symbol is the cursor's own when it
/// reads one symbol, else taken from a small cache, so no string is built per row either.
/// </summary>
internal sealed class SqliteBarCursor : IDisposable
{
    /// <summary>How long a step waits for a lock before failing, as Microsoft.Data.Sqlite's default command timeout.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly string? _symbol;
    private readonly Dictionary<string, string> _symbols = new(StringComparer.Ordinal);
    private readonly SqliteColumns _columns;
    private bool _referenced;

    /// <param name="parameters">Named parameters ("@name") and their text values.</param>
    /// <param name="symbol">The one symbol the query selects, or null when its rows may be of any symbol.</param>
    public SqliteBarCursor(SqliteConnection connection, string sql, IEnumerable<KeyValuePair<string, string>> parameters, string? symbol)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        try
        {
            foreach (var (name, value) in parameters)
            {
                Check(raw.sqlite3_bind_text(_statement, raw.sqlite3_bind_parameter_index(_statement, name), value));
            }

            // Keeps the statement's pointer valid for SqliteColumns' direct calls until Dispose.
            _statement.DangerousAddRef(ref _referenced);
        }
        catch
        {
            _statement.Dispose();
            throw;
        }

        _symbol = symbol;
        _columns = new SqliteColumns(_statement);
    }

    public StoredBar Current { get; private set; }

    public bool MoveNext()
    {
        if (!Step())
        {
            return false;
        }

        var symbol = _symbol ?? Symbol();
        var start = new DateTimeOffset(Time(1));
        var open = Price(2);
        var high = Price(3);
        var low = Price(4);
        var close = Price(5);
        // column_int64 of NULL is 0, the volume a missing one means; a NULL price reads as no text at all.
        var volume = _columns.Int64(6);
        var vwap = OptionalPrice(7);
        var bid = OptionalPrice(8);
        var ask = OptionalPrice(9);
        decimal? bidSize = _columns.IsNull(10) ? null : _columns.Int64(10);
        decimal? askSize = _columns.IsNull(11) ? null : _columns.Int64(11);
        Current = new StoredBar(new Bar(symbol, start, MinuteBars.Period, open, high, low, close, volume), vwap, bid, ask, bidSize, askSize);
        return true;
    }

    private bool Step()
    {
        // Stamped only when a lock is first in the way: this runs once per row.
        var busySince = 0L;
        while (true)
        {
            var result = _columns.Step();
            switch (result)
            {
                case raw.SQLITE_ROW:
                    return true;
                case raw.SQLITE_DONE:
                    return false;
                // A writer's lock in the way (in WAL mode only while the read takes its snapshot): a statement
                // prepared with prepare_v2 may simply be stepped again.
                case raw.SQLITE_BUSY or raw.SQLITE_LOCKED
                    when busySince == 0 || Stopwatch.GetElapsedTime(busySince) < BusyTimeout:
                    busySince = busySince == 0 ? Stopwatch.GetTimestamp() : busySince;
                    Thread.Sleep(5);
                    break;
                default:
                    Check(result);
                    return false;
            }
        }
    }

    private ReadOnlySpan<byte> Text(int column) => _columns.Text(column);

    private decimal Price(int column) => Parse(Text(column));

    private decimal? OptionalPrice(int column)
    {
        var text = Text(column);
        return text.IsEmpty ? null : Parse(text);
    }

    private static decimal Parse(ReadOnlySpan<byte> text) =>
        SqliteBarText.TryParseDecimal(text, out var value)
            ? value
            : decimal.Parse(Encoding.UTF8.GetString(text), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private DateTime Time(int column)
    {
        var text = Text(column);
        return SqliteBarText.TryParseTime(text, out var value)
            ? value
            : DateTime.SpecifyKind(DateTime.Parse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture), DateTimeKind.Utc);
    }

    private string Symbol()
    {
        var bytes = Text(0);
        Span<char> chars = stackalloc char[64];
        if (!Encoding.UTF8.TryGetChars(bytes, chars, out var count))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var lookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(chars[..count], out var symbol))
        {
            symbol = new string(chars[..count]);
            _symbols[symbol] = symbol;
        }

        return symbol;
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", result);
        }
    }

    public void Dispose()
    {
        if (_referenced)
        {
            _statement.DangerousRelease();
            _referenced = false;
        }

        _statement.Dispose();
    }
}
