using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>What a live database says it holds: columns with their type family and nullability, and index names.</summary>
public static class DatabaseCatalog
{
    public sealed record Column(string Table, string Name, string DeclaredType, string Family, bool NotNull);

    public static async Task<Dictionary<(string Table, string Column), Column>> ReadColumnsAsync(TestDatabase db)
    {
        var rows = db.Provider == DatabaseProvider.Postgres
            ? await db.QueryAsync(
                """
                SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable = 'NO'
                FROM information_schema.columns c
                WHERE c.table_schema = 'public'
                """,
                r => new Column(r.GetString(0), r.GetString(1), r.GetString(3), PostgresFamily(r.GetString(2), r.GetString(3)), r.GetBoolean(4)))
            : await db.QueryAsync(
                """
                SELECT m.name, p.name, p.type, p."notnull"
                FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table'
                """,
                r => new Column(r.GetString(0), r.GetString(1), r.GetString(2), SqliteFamily(r.GetString(2)), r.GetInt64(3) == 1));
        return rows.ToDictionary(c => (c.Table, c.Name));
    }

    public static async Task<HashSet<string>> ReadIndexNamesAsync(TestDatabase db)
    {
        var sql = db.Provider == DatabaseProvider.Postgres
            ? "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
            : "SELECT name FROM sqlite_master WHERE type = 'index'";
        return (await db.QueryAsync(sql, r => r.GetString(0))).ToHashSet(StringComparer.Ordinal);
    }

    private static string PostgresFamily(string dataType, string udtName) => dataType switch
    {
        "uuid" => "uuid",
        "character varying" or "text" => "text",
        "numeric" => "decimal",
        "integer" or "bigint" => "integer",
        "boolean" => "boolean",
        "timestamp with time zone" or "timestamp without time zone" => "timestamp",
        "date" => "date",
        "bytea" => "bytes",
        "inet" => "inet",
        "jsonb" => "json",
        "interval" => "interval",
        "ARRAY" when udtName == "_inet" => "inet[]",
        "ARRAY" when udtName == "_text" => "text[]",
        _ => $"unknown:{dataType}/{udtName}",
    };

    /// <summary>The declared types of the SQLite migrations (see their header for why each was chosen).</summary>
    private static string SqliteFamily(string declared)
    {
        var type = declared.ToUpperInvariant();
        var paren = type.IndexOf('(');
        return (paren < 0 ? type : type[..paren]) switch
        {
            "UUID" => "uuid",
            "VARCHAR" or "TEXT" => "text",
            "DECIMAL_TEXT" => "decimal",
            "INTEGER" or "BIGINT" => "integer",
            "BOOLEAN" => "boolean",
            "TIMESTAMP" => "timestamp",
            "DATE" => "date",
            "BLOB" => "bytes",
            "INET_TEXT" => "inet",
            "INET_ARRAY_TEXT" => "inet[]",
            "TEXT_ARRAY" => "text[]",
            "JSON_TEXT" => "json",
            "PERIOD_TEXT" => "interval",
            _ => $"unknown:{declared}",
        };
    }
}
