using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Storage.Leases;

/// <summary>
/// An exclusive claim of one process on one database for one purpose (trading, say), held until it is disposed or
/// the process dies, whichever comes first, so a crashed holder never leaves it taken.
/// <list type="bullet">
/// <item>PostgreSQL: a session advisory lock on a connection of its own (outside the pool), which PostgreSQL lets
/// go when that session ends. The holder is named in the session's <c>application_name</c>, so another process (and
/// <c>pg_stat_activity</c>) can say who holds it.</item>
/// <item>SQLite: an exclusive lock (<c>flock</c>) on a file beside the database, which the kernel lets go with the
/// process; a second file beside it names the holder. A database in memory belongs to its process: always granted.
/// .NET takes no lock where <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> is set or the file system has no
/// <c>flock</c> (some network file systems): there every process is granted the lease. The lock file is named after
/// the database's path as configured, so two paths to one file (a symbolic link) are two leases.</item>
/// </list>
/// </summary>
public sealed class DatabaseLease : IAsyncDisposable
{
    // "orch" in ASCII: the advisory lock's first key, recognisable in pg_locks (the migrator's lock is a single bigint).
    private const int AdvisoryClass = 0x6f726368;

    private readonly NpgsqlConnection? _session;
    private readonly FileStream? _lockFile;
    private readonly string? _ownerFile;

    private DatabaseLease(NpgsqlConnection? session, FileStream? lockFile, string? ownerFile)
    {
        _session = session;
        _lockFile = lockFile;
        _ownerFile = ownerFile;
    }

    /// <summary>
    /// Takes the lease named <paramref name="name"/>, recording <paramref name="holder"/> (who takes it, in a few words);
    /// null when another session or process holds it. Throws <see cref="DatabaseUnavailableException"/> when the database
    /// (or the SQLite file's folder) cannot be reached.
    /// </summary>
    public static async Task<DatabaseLease?> TryAcquireAsync(ConnectionFactory connections, string name, string holder, CancellationToken ct)
    {
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            return await TryAcquirePostgresAsync(connections, name, holder, ct);
        }

        // Opening a connection first settles the folder and says, as every other open does, when the file cannot be reached.
        await (await connections.OpenAsync(ct)).DisposeAsync();
        return SqliteLockPath(connections, name) is { } path ? TryAcquireSqlite(path, holder) : new DatabaseLease(null, null, null);
    }

    /// <summary>Who holds the lease, as its holder described itself, with when it took it; null when no one holds it (or it cannot be told).</summary>
    public static async Task<string?> HolderAsync(ConnectionFactory connections, string name, CancellationToken ct)
    {
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = await connections.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                """
                SELECT a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid = @class::oid AND l.objid = @object::oid AND l.objsubid = 2
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, (NpgsqlConnection)connection);
            command.Parameters.AddWithValue("class", (long)(uint)AdvisoryClass);
            command.Parameters.AddWithValue("object", (long)(uint)ObjectKey(name));
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            // Another role's session shows no backend_start (nor, without pg_read_all_stats, much else): say what is known.
            var who = reader.IsDBNull(0) ? "another session" : reader.GetString(0);
            return reader.IsDBNull(1)
                ? who
                : $"{who}, since {reader.GetFieldValue<DateTimeOffset>(1).UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}";
        }

        if (SqliteLockPath(connections, name) is not { } path)
        {
            return null;
        }

        try
        {
            return File.Exists(path + ".owner") ? (await File.ReadAllTextAsync(path + ".owner", ct)).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the lease still stands. On PostgreSQL a lost session (a restarted server, a dropped connection) took the
    /// lock with it, and another process may hold it now; a file lock cannot be lost while the process lives.
    /// </summary>
    public async Task<bool> IsHeldAsync(CancellationToken ct)
    {
        if (_session is null)
        {
            return true;
        }

        try
        {
            // A short timeout: a half-open connection must not pass for a held lease for the default 30 s.
            await using var command = new NpgsqlCommand("SELECT 1", _session) { CommandTimeout = 5 };
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            // Closing the session lets the lock go, but only once its backend has exited, a moment after the close
            // returns: unlocked first, the lease is free when this returns (a standby or the next serve need not wait).
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", _session) { CommandTimeout = 5 };
                await unlock.ExecuteNonQueryAsync();
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                // The session is gone already, and the lock with it.
            }

            await _session.DisposeAsync();
        }

        if (_lockFile is not null)
        {
            try
            {
                File.Delete(_ownerFile!);
            }
            catch (IOException)
            {
                // The next holder overwrites it.
            }

            await _lockFile.DisposeAsync();
        }
    }

    private static async Task<DatabaseLease?> TryAcquirePostgresAsync(ConnectionFactory connections, string name, string holder, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connections.EffectiveConnectionString)
        {
            // A session of its own: a pooled connection would go back to the pool (and the lock with it, or not) on close.
            Pooling = false,
            // PostgreSQL keeps 63 bytes of it.
            ApplicationName = Truncate(holder, 63),
            // A server that vanished without a word is noticed within a minute rather than at the next query.
            KeepAlive = 30,
        };
        var session = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await session.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, @object)", session);
            command.Parameters.AddWithValue("class", AdvisoryClass);
            command.Parameters.AddWithValue("object", ObjectKey(name));
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new DatabaseLease(session, null, null);
            }
        }
        catch (Exception error) when (error is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await session.DisposeAsync();
            throw new DatabaseUnavailableException($"cannot open the Postgres database: {error.Message.Split('\n', 2)[0].Trim()}", error);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        await session.DisposeAsync();
        return null;
    }

    private static DatabaseLease? TryAcquireSqlite(string path, string holder)
    {
        FileStream file;
        try
        {
            // FileShare.None is flock(LOCK_EX | LOCK_NB) on Linux: a second open, in this process or another, fails at once.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error) when (IsHeldElsewhere(error))
        {
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException($"cannot take the lock file {path}: {error.Message}", error);
        }

        try
        {
            var since = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture);
            File.WriteAllText(path + ".owner", $"{holder}, since {since}\n", Encoding.UTF8);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Held all the same; only the name shown to a refused process is missing.
        }

        return new DatabaseLease(null, file, path + ".owner");
    }

    /// <summary>EWOULDBLOCK from flock: 11 on Linux, 35 on macOS; ERROR_SHARING_VIOLATION on Windows.</summary>
    private static bool IsHeldElsewhere(IOException error) => error.HResult is 11 or 35 or unchecked((int)0x80070020);

    /// <summary>
    /// The lock file of a SQLite database on disk, <c>FILE.NAME.lease</c>; null for a database in memory. It is never
    /// deleted: a process could open the old file just before the deletion, lock it after its holder closed it, and
    /// hold it beside another that locked a new file of the same name.
    /// </summary>
    private static string? SqliteLockPath(ConnectionFactory connections, string name)
    {
        var builder = new SqliteConnectionStringBuilder(connections.Options.ConnectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory || source.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        return $"{Path.GetFullPath(source)}.{name}.lease";
    }

    /// <summary>The advisory lock's second key: FNV-1a of the lease's name, so each purpose has its own lock.</summary>
    private static int ObjectKey(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
