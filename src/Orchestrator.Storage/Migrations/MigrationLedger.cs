using System.Data.Common;
using System.Globalization;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Storage.Migrations;

/// <summary>
/// The seed's <c>schema_migrations (version, applied_at, description, checksum, applied_by)</c> table:
/// one row per applied migration.
/// </summary>
internal sealed class MigrationLedger(DatabaseProvider provider)
{
    internal sealed record Row(string Version, DateTime? AppliedAt, string? Checksum, string? AppliedBy);

    private string CreateTableSql => provider switch
    {
        DatabaseProvider.Postgres => """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version VARCHAR(50) PRIMARY KEY,
                applied_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
                description TEXT,
                checksum VARCHAR(64),
                applied_by VARCHAR(100)
            )
            """,
        _ => """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version VARCHAR(50) NOT NULL PRIMARY KEY,
                applied_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
                description TEXT,
                checksum VARCHAR(64),
                applied_by VARCHAR(100)
            )
            """,
    };

    public Task EnsureExistsAsync(DbConnection connection, CancellationToken ct) =>
        ExecuteAsync(connection, CreateTableSql, ct);

    public async Task<bool> ExistsAsync(DbConnection connection, CancellationToken ct)
    {
        var sql = provider == DatabaseProvider.Postgres
            ? "SELECT to_regclass('schema_migrations') IS NOT NULL"
            : "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')";
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var result = await command.ExecuteScalarAsync(ct);
        return Convert.ToBoolean(result, CultureInfo.InvariantCulture);
    }

    public async Task<Dictionary<string, Row>> ReadAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, applied_at, checksum, applied_by FROM schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var version = reader.GetString(0);
            rows[version] = new Row(
                version,
                reader.IsDBNull(1) ? null : DateTime.SpecifyKind(reader.GetDateTime(1).ToUniversalTime(), DateTimeKind.Utc),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return rows;
    }

    public async Task RecordAsync(DbConnection connection, Migration migration, string appliedBy, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO schema_migrations (version, description, checksum, applied_by) VALUES (@version, @description, @checksum, @applied_by)";
        AddParameter(command, "@version", migration.Version);
        AddParameter(command, "@description", migration.Description);
        AddParameter(command, "@checksum", migration.Checksum);
        AddParameter(command, "@applied_by", appliedBy);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        // Migrations may rebuild indexes on large tables: no client-side timeout.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
