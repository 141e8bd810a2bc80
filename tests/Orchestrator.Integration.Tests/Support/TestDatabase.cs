using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;
using Orchestrator.Storage.Model;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>
/// A new, empty database for one test: a temporary SQLite file, or a freshly created PostgreSQL database on
/// the server named by ORCHESTRATOR_TEST_POSTGRES (dropped again on dispose).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly TheoryData<DatabaseProvider> Providers = new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
        Connections = new ConnectionFactory(new DatabaseOptions(provider, connectionString));
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public ConnectionFactory Connections { get; }

    /// <summary>The command-line switches that point the CLI at this database.</summary>
    public string[] Switches => [$"--Database:Provider={Provider}", $"--ConnectionStrings:Orchestrator={ConnectionString}"];

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "orchestrator-tests");
            var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file}", null, null);
        }

        var admin = TestEnvironment.Require(TestEnvironment.PostgresVariable, "PostgreSQL");
        var name = $"orchestrator_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            // template0 accepts no connections, so parallel tests never meet PostgreSQL's "source database is
            // being accessed by other users" (55006); retried anyway, as a concurrent DROP can briefly hold it.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
                {
                    await Task.Delay(200 * attempt);
                }
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, admin, name);
    }

    /// <summary>A new database already at the newest schema.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        var db = await CreateAsync(provider);
        await db.MigrateAsync();
        return db;
    }

    public Migrator CreateMigrator() => new(Connections);

    public async Task MigrateAsync() => await CreateMigrator().MigrateAsync();

    public OrchestratorDbContext CreateContext() => OrchestratorDbContext.Create(Connections);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var connection = await Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            {
                File.Delete(path);
            }

            // Lease files (FILE.trading.lease and their .owner), the broker key file: FILE.*.
            foreach (var path in Directory.EnumerateFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + ".*"))
            {
                File.Delete(path);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        // An autovacuum worker busy in the database can refuse FORCE (scripts/services.sh grants the role
        // pg_signal_backend for that); it finishes soon, so try again a few times. Cleanup never fails a test.
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_adminConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is "42501" or "55006")
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }

        Console.Error.WriteLine($"Test database {_databaseName} could not be dropped; drop it by hand.");
    }
}
