using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Orchestrator.Storage.Configuration;

/// <summary>Opens ADO.NET connections to the configured store, with the per-connection settings each needs.</summary>
public sealed class ConnectionFactory(DatabaseOptions options)
{
    private string? _effectiveConnectionString;
    private int _sqliteReady;

    public DatabaseOptions Options { get; } = options;

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>
    /// The connection string as the driver will use it: for SQLite, foreign keys enforced (SQLite leaves
    /// them off by default) and a relative file path resolved against the working folder.
    /// </summary>
    public string EffectiveConnectionString => _effectiveConnectionString ??= Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(Options.ConnectionString)
        {
            ForeignKeys = true,
            // Several writers (server, CLI) may share the file: wait for a lock rather than fail at once.
            DefaultTimeout = 30,
        }.ToString(),
        _ => PostgresWithPoolDefault(Options.ConnectionString),
    };

    /// <summary>The pool size a server uses when the connection string names none.</summary>
    public const int DefaultPostgresPoolSize = 40;

    /// <summary>How many statements each PostgreSQL connection keeps prepared when the connection string names no number.</summary>
    public const int DefaultMaxAutoPrepare = 128;

    /// <summary>
    /// Npgsql's default pool of 100 equals PostgreSQL's default max_connections: one busy server (or a server and
    /// the CLI) would take every slot. Requests are short and each account's writer holds one connection per
    /// batch, so a smaller pool serves the same load. And the hot paths (an order's group commit, the usage rows, the
    /// key lookup) send the same few dozen statements over and over: prepared once per connection, PostgreSQL skips
    /// parsing and planning them on every execution. Explicit settings in the connection string win.
    /// </summary>
    private static string PostgresWithPoolDefault(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultPostgresPoolSize;
        }

        if (!connectionString.Contains("auto prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    public DbConnection Create() => Provider switch
    {
        DatabaseProvider.Postgres => new NpgsqlConnection(EffectiveConnectionString),
        _ => new SqliteConnection(EffectiveConnectionString),
    };

    /// <summary>Opens a connection, creating the SQLite file's folder on first use.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        // The folder and journal mode are settled once per factory, not on every open (a hot path).
        var firstSqliteOpen = Provider == DatabaseProvider.Sqlite && Volatile.Read(ref _sqliteReady) == 0;
        if (firstSqliteOpen)
        {
            try
            {
                EnsureSqliteFolder();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DatabaseUnavailableException($"cannot create the SQLite database's folder: {ex.Message}", ex);
            }
        }

        var connection = Create();
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (firstSqliteOpen)
            {
                await EnsureWriteAheadLogAsync(connection, cancellationToken);
                Volatile.Write(ref _sqliteReady, 1);
            }

            return connection;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnavailableException($"cannot open the {Provider} database: {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// Switches a SQLite file to write-ahead logging, once per file per process (the mode is stored in the
    /// file, so every later connection, EF Core's included, gets it). In the default rollback-journal mode a
    /// writer locks out every reader while it commits; with WAL, readers go on while one writer writes,
    /// which the server needs (usage rows are written while requests read).
    /// </summary>
    private async Task EnsureWriteAheadLogAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        var dataSource = new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource;
        if (dataSource == ":memory:" || !WalFiles.TryAdd(Path.GetFullPath(dataSource), true))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteScalarAsync(ct);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> WalFiles = new(StringComparer.Ordinal);

    private void EnsureSqliteFolder()
    {
        var dataSource = new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
