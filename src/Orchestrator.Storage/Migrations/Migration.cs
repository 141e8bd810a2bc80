using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Storage.Migrations;

/// <summary>
/// One versioned migration file. <see cref="Checksum"/> is the SHA-256 of its text (line endings normalised
/// to LF first, so a checkout with CRLF endings does not look edited).
/// </summary>
public sealed record Migration(string Version, string Description, string Sql)
{
    /// <summary>First-line marker for a migration that must run outside a transaction (CREATE INDEX CONCURRENTLY).</summary>
    public const string NoTransactionMarker = "-- migrate:no-transaction";

    public string Checksum { get; } = ComputeChecksum(Sql);

    public bool RunsInTransaction { get; } = !Sql.TrimStart().StartsWith(NoTransactionMarker, StringComparison.Ordinal);

    public static string ComputeChecksum(string sql)
    {
        var normalised = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>The description from the file's <c>-- Description:</c> header line, or the version's words.</summary>
    public static string DescribeFrom(string version, string sql)
    {
        foreach (var line in sql.Split('\n'))
        {
            var trimmed = line.Trim();
            const string prefix = "-- Description:";
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[prefix.Length..].Trim();
            }
        }

        return version;
    }
}
