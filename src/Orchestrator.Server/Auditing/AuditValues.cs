using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Orchestrator.Server.Auditing;

/// <summary>
/// Old and new values for an audit row, as JSON objects keyed by column name. Secrets never reach the log:
/// hashes, tokens and credentials are replaced by <see cref="Redacted"/>.
/// </summary>
public static class AuditValues
{
    public const string Redacted = "[REDACTED]";

    private static readonly HashSet<string> SecretColumns = new(StringComparer.Ordinal)
    {
        "password_hash", "verification_token", "session_token", "refresh_token", "api_key_hash", "encrypted_credentials",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The columns an update changed: (old, new), or nulls when nothing changed.</summary>
    public static (string? Old, string? New) Changes(EntityEntry entry)
    {
        var old = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var @new = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
        {
            var column = property.Metadata.GetColumnName();
            if (column == "updated_at")
            {
                continue;
            }

            old[column] = Value(column, property.OriginalValue);
            @new[column] = Value(column, property.CurrentValue);
        }

        return old.Count == 0 ? (null, null) : (Serialize(old), Serialize(@new));
    }

    /// <summary>Every column of an entity (for creations and deletions).</summary>
    public static string Snapshot(EntityEntry entry) => Serialize(new SortedDictionary<string, object?>(
        entry.Properties.ToDictionary(p => p.Metadata.GetColumnName(), p => Value(p.Metadata.GetColumnName(), p.CurrentValue)),
        StringComparer.Ordinal));

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Json);

    private static object? Value(string column, object? value) => value switch
    {
        null => null,
        _ when SecretColumns.Contains(column) => Redacted,
        System.Net.IPAddress ip => ip.ToString(),
        System.Net.IPAddress[] ips => ips.Select(i => i.ToString()).ToArray(),
        NpgsqlTypes.NpgsqlInet[] ranges => ranges.Select(r => $"{r.Address}/{r.Netmask}").ToArray(),
        _ => value,
    };
}
