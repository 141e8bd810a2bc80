using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Storage.Credentials;

/// <summary>A live session found by the hash of its access token (its user active and not deleted).</summary>
public sealed record SessionCredential(Guid SessionId, Guid UserId, DateTime ExpiresAt, string TokenHash);

/// <summary>An active API key found by its hash (its user active and not deleted), with everything needed to authorize.</summary>
public sealed record ApiKeyCredential(
    Guid ApiKeyId, Guid UserId, string KeyHash, bool CanRead, bool CanWrite, bool CanTrade, int RateLimitPerHour,
    NpgsqlInet[]? AllowedIps, string[]? AllowedEndpoints, DateTime? ExpiresAt);

/// <summary>
/// The credential lookups every authenticated request makes, in plain ADO.NET: one indexed query each on a
/// pooled connection. Through EF Core these cost several times the query itself (on SQLite every context
/// opening a connection also re-registers EF's SQL functions), which would halve the API's throughput.
/// </summary>
public sealed class CredentialLookup(ConnectionFactory connections)
{
    private bool Postgres => connections.Provider == DatabaseProvider.Postgres;

    private string UserIsUsable => Postgres ? "u.deleted_at IS NULL AND u.is_active IS NOT FALSE" : "u.deleted_at IS NULL AND u.is_active IS NOT 0";

    public async Task<SessionCredential?> FindSessionAsync(string tokenHash, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = Command(connection, $"""
            SELECT s.session_id, s.user_id, s.expires_at, s.session_token
            FROM user_sessions s JOIN users u ON u.user_id = s.user_id
            WHERE s.session_token = @hash AND s.revoked_at IS NULL AND s.rotated_at IS NULL AND {UserIsUsable}
            """, ("@hash", tokenHash));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new SessionCredential(ReadGuid(reader, 0), ReadGuid(reader, 1), ReadUtc(reader, 2)!.Value, reader.GetString(3))
            : null;
    }

    public async Task<ApiKeyCredential?> FindApiKeyAsync(string keyHash, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = Command(connection, $"""
            SELECT k.api_key_id, k.user_id, k.api_key_hash, k.can_read, k.can_write, k.can_trade, k.rate_limit_per_hour,
                   k.allowed_ips, k.allowed_endpoints, k.expires_at
            FROM user_api_keys k JOIN users u ON u.user_id = k.user_id
            WHERE k.api_key_hash = @hash AND {(Postgres ? "k.is_active IS NOT FALSE" : "k.is_active IS NOT 0")} AND k.revoked_at IS NULL AND {UserIsUsable}
            """, ("@hash", keyHash));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new ApiKeyCredential(
            ReadGuid(reader, 0),
            ReadGuid(reader, 1),
            reader.GetString(2),
            reader.IsDBNull(3) || reader.GetBoolean(3),
            !reader.IsDBNull(4) && reader.GetBoolean(4),
            !reader.IsDBNull(5) && reader.GetBoolean(5),
            reader.IsDBNull(6) ? 1000 : reader.GetInt32(6),
            reader.IsDBNull(7) ? null : Postgres ? reader.GetFieldValue<NpgsqlInet[]>(7) : JsonArray(reader.GetString(7)).Select(s => new NpgsqlInet(s)).ToArray(),
            reader.IsDBNull(8) ? null : Postgres ? reader.GetFieldValue<string[]>(8) : JsonArray(reader.GetString(8)),
            ReadUtc(reader, 9));
    }

    /// <summary>The current 'credentials' epoch (see the cache_epochs migration).</summary>
    public async Task<long> ReadCredentialsEpochAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = Command(connection, "SELECT epoch FROM cache_epochs WHERE name = 'credentials'");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task TouchApiKeyAsync(Guid apiKeyId, DateTime now, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = Command(connection, "UPDATE user_api_keys SET last_used_at = @now WHERE api_key_id = @id",
            ("@now", Postgres ? now : now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            ("@id", Postgres ? apiKeyId : apiKeyId.ToString()));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader is NpgsqlDataReader ? reader.GetGuid(ordinal) : Guid.Parse(reader.GetString(ordinal));

    private static DateTime? ReadUtc(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    private static string[] JsonArray(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
