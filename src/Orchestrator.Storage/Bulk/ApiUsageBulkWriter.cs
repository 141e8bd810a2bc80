using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Storage.Bulk;

/// <summary>
/// Writes batches of <c>api_usage</c> rows: PostgreSQL binary COPY (one round trip per batch, no SQL parsing
/// per row), SQLite a prepared INSERT re-bound per row in one transaction.
/// </summary>
public sealed class ApiUsageBulkWriter(ConnectionFactory connections)
{
    public async Task WriteAsync(IReadOnlyList<ApiUsage> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(ct);
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, rows, ct);
        }
        else
        {
            await InsertAsync(connection, rows, ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<ApiUsage> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY api_usage (usage_id, user_id, api_key_id, endpoint, http_method, response_time_ms, status_code, request_size_bytes, response_size_bytes, rate_limit_remaining, rate_limit_reset, ip_address, user_agent, requested_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(row.UsageId, NpgsqlDbType.Uuid, ct);
            await WriteNullableAsync(importer, row.UserId, NpgsqlDbType.Uuid, ct);
            await WriteNullableAsync(importer, row.ApiKeyId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(row.Endpoint, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(row.HttpMethod, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(importer, row.ResponseTimeMs, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(importer, row.StatusCode, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(importer, row.RequestSizeBytes, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(importer, row.ResponseSizeBytes, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(importer, row.RateLimitRemaining, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(importer, row.RateLimitReset, NpgsqlDbType.TimestampTz, ct);
            if (row.IpAddress is null)
            {
                await importer.WriteNullAsync(ct);
            }
            else
            {
                await importer.WriteAsync(row.IpAddress, NpgsqlDbType.Inet, ct);
            }

            if (row.UserAgent is null)
            {
                await importer.WriteNullAsync(ct);
            }
            else
            {
                await importer.WriteAsync(row.UserAgent, NpgsqlDbType.Text, ct);
            }

            await WriteNullableAsync(importer, row.RequestedAt, NpgsqlDbType.TimestampTz, ct);
        }

        await importer.CompleteAsync(ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, type, ct);
        }
        else
        {
            await importer.WriteNullAsync(ct);
        }
    }

    private static readonly string[] Columns =
    [
        "usage_id", "user_id", "api_key_id", "endpoint", "http_method", "response_time_ms", "status_code", "request_size_bytes",
        "response_size_bytes", "rate_limit_remaining", "rate_limit_reset", "ip_address", "user_agent", "requested_at",
    ];

    /// <summary>
    /// SQLite: one single-row INSERT prepared once per batch and re-bound per row, in one transaction
    /// (about 90,000 rows/s here, benchmarks/README.md). Multi-row INSERTs are slower with Microsoft.Data.Sqlite,
    /// which binds every parameter by name: the lookups grow with the square of the parameters per statement.
    /// </summary>
    private static async Task InsertAsync(DbConnection connection, IReadOnlyList<ApiUsage> rows, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO api_usage ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
        foreach (var column in Columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            Bind(command.Parameters, row);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Sets the 14 parameters of one row, in <see cref="Columns"/> order.</summary>
    private static void Bind(DbParameterCollection parameters, ApiUsage row)
    {
        object?[] fields =
        [
            row.UsageId.ToString(), row.UserId?.ToString(), row.ApiKeyId?.ToString(), row.Endpoint, row.HttpMethod, row.ResponseTimeMs,
            row.StatusCode, row.RequestSizeBytes, row.ResponseSizeBytes, row.RateLimitRemaining, SqliteTime(row.RateLimitReset),
            row.IpAddress?.ToString(), row.UserAgent, SqliteTime(row.RequestedAt),
        ];
        for (var c = 0; c < fields.Length; c++)
        {
            parameters[c].Value = fields[c] ?? DBNull.Value;
        }
    }

    /// <summary>The text form EF Core's SQLite provider writes and reads, so both agree on every row.</summary>
    private static string? SqliteTime(DateTime? value) =>
        value?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
