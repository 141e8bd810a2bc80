using System.Reflection;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// Steps an SQLite statement and reads its column values. SQLitePCLRaw marshals the statement's SafeHandle on every call (a
/// reference count taken and dropped) and reads a text value in two calls through an interface; a bar has a dozen
/// columns, so over a million rows that is most of the read. When the e_sqlite3 library SQLitePCLRaw loaded exposes
/// its functions, they are called directly through function pointers on the raw statement pointer (the cursor keeps
/// the handle alive); otherwise the same values come through SQLitePCLRaw.
/// </summary>
internal readonly unsafe struct SqliteColumns
{
    private static readonly Exports? Native = Exports.Load();
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _pointer;

    /// <param name="statement">A statement whose handle the caller keeps referenced (DangerousAddRef) while this is used.</param>
    public SqliteColumns(sqlite3_stmt statement)
    {
        _statement = statement;
        _pointer = statement.DangerousGetHandle();
    }

    /// <summary>The value as text bytes (SQLite converts a number to its text first); empty for NULL.</summary>
    public ReadOnlySpan<byte> Text(int column)
    {
        if (Native is not { } native)
        {
            return raw.sqlite3_column_blob(_statement, column);
        }

        // The pointer first, then the length: SQLite's documented order (a conversion may move the text).
        var text = native.ColumnBlob(_pointer, column);
        return text == IntPtr.Zero ? default : new ReadOnlySpan<byte>((void*)text, native.ColumnBytes(_pointer, column));
    }

    /// <summary>sqlite3_step: SQLITE_ROW, SQLITE_DONE or an error code.</summary>
    public int Step() => Native is { } native ? native.Step(_pointer) : raw.sqlite3_step(_statement);

    public long Int64(int column) => Native is { } native ? native.ColumnInt64(_pointer, column) : raw.sqlite3_column_int64(_statement, column);

    public bool IsNull(int column) =>
        (Native is { } native ? native.ColumnType(_pointer, column) : raw.sqlite3_column_type(_statement, column)) == raw.SQLITE_NULL;

    private sealed class Exports
    {
        public required delegate* unmanaged<IntPtr, int> Step { get; init; }
        public required delegate* unmanaged<IntPtr, int, IntPtr> ColumnBlob { get; init; }
        public required delegate* unmanaged<IntPtr, int, int> ColumnBytes { get; init; }
        public required delegate* unmanaged<IntPtr, int, long> ColumnInt64 { get; init; }
        public required delegate* unmanaged<IntPtr, int, int> ColumnType { get; init; }

        /// <summary>The library SQLitePCLRaw's e_sqlite3 provider binds to (the same file, so the same loaded instance).</summary>
        public static Exports? Load()
        {
            var provider = Type.GetType("SQLitePCL.SQLite3Provider_e_sqlite3, SQLitePCLRaw.provider.e_sqlite3")?.Assembly ?? Assembly.GetExecutingAssembly();
            if (!NativeLibrary.TryLoad("e_sqlite3", provider, null, out var library)
                || !NativeLibrary.TryGetExport(library, "sqlite3_step", out var step)
                || !NativeLibrary.TryGetExport(library, "sqlite3_column_blob", out var blob)
                || !NativeLibrary.TryGetExport(library, "sqlite3_column_bytes", out var bytes)
                || !NativeLibrary.TryGetExport(library, "sqlite3_column_int64", out var int64)
                || !NativeLibrary.TryGetExport(library, "sqlite3_column_type", out var type))
            {
                return null;
            }

            return new Exports
            {
                Step = (delegate* unmanaged<IntPtr, int>)step,
                ColumnBlob = (delegate* unmanaged<IntPtr, int, IntPtr>)blob,
                ColumnBytes = (delegate* unmanaged<IntPtr, int, int>)bytes,
                ColumnInt64 = (delegate* unmanaged<IntPtr, int, long>)int64,
                ColumnType = (delegate* unmanaged<IntPtr, int, int>)type,
            };
        }
    }
}
