using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Orchestrator.Storage.Configuration;

/// <summary>Opens ADO.NET connections to the configured store, with the per-connection settings each needs.</summary>
public sealed class ConnectionFactory(DatabaseOptions options)
{
    public DatabaseOptions Options { get; } = options;

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>
    /// The connection string as the driver will use it: for SQLite, foreign keys enforced (SQLite leaves
    /// them off by default) and a relative file path resolved against the working folder.
    /// </summary>
    public string EffectiveConnectionString => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(Options.ConnectionString)
        {
            ForeignKeys = true,
            // Several writers (server, CLI) may share the file: wait for a lock rather than fail at once.
            DefaultTimeout = 30,
        }.ToString(),
        _ => Options.ConnectionString,
    };

    public DbConnection Create() => Provider switch
    {
        DatabaseProvider.Postgres => new NpgsqlConnection(EffectiveConnectionString),
        _ => new SqliteConnection(EffectiveConnectionString),
    };

    /// <summary>Opens a connection, creating the SQLite file's folder on first use.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == DatabaseProvider.Sqlite)
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
            return connection;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnavailableException($"cannot open the {Provider} database: {FirstLine(ex.Message)}", ex);
        }
    }

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
