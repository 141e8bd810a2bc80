using Npgsql;

namespace Orchestrator.Benchmarks;

/// <summary>The fresh PostgreSQL databases the end-to-end runs create and drop.</summary>
public static class BenchDatabases
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops a run's database. An autovacuum worker busy after a bulk load may refuse FORCE (unless the role has
    /// pg_signal_backend): wait for it a few times, then say what is left rather than fail the run.
    /// </summary>
    public static async Task DropAsync(string admin, string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is "42501" or "55006")
            {
                if (attempt == 10)
                {
                    Console.Error.WriteLine($"Could not drop the benchmark database {name}: {ex.MessageText}. Drop it by hand.");
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }
}
