using System.Text.RegularExpressions;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>
/// The tables and columns of the seed schema, read from the seed document itself: every
/// <c>CREATE TABLE name ( ... );</c> in it except the partitions (<c>PARTITION OF</c>).
/// </summary>
public static partial class SeedSpec
{
    public sealed record Column(string Table, string Name, string SeedType, string Family, bool NotNull);

    public static IReadOnlyList<Column> ReadColumns(string path)
    {
        var text = File.ReadAllText(path);
        var columns = new List<Column>();
        foreach (Match table in CreateTable().Matches(text))
        {
            var name = table.Groups["name"].Value;
            var primaryKey = new HashSet<string>(StringComparer.Ordinal);
            var tableColumns = new List<(string Name, string Type, bool NotNull)>();
            foreach (var rawLine in table.Groups["body"].Value.Split('\n'))
            {
                var line = StripComment(rawLine).Trim().TrimEnd(',');
                if (line.Length == 0)
                {
                    continue;
                }

                var first = line.Split(' ', 2)[0];
                if (first is "INDEX" or "CHECK" or "FOREIGN" || first.StartsWith("UNIQUE", StringComparison.Ordinal))
                {
                    continue;
                }

                if (line.StartsWith("PRIMARY KEY", StringComparison.Ordinal))
                {
                    foreach (var key in line[(line.IndexOf('(') + 1)..line.IndexOf(')')].Split(','))
                    {
                        primaryKey.Add(key.Trim());
                    }

                    continue;
                }

                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var notNull = line.Contains("NOT NULL", StringComparison.Ordinal) || line.Contains("PRIMARY KEY", StringComparison.Ordinal);
                tableColumns.Add((parts[0], parts[1], notNull));
            }

            columns.AddRange(tableColumns.Select(c => new Column(name, c.Name, c.Type, Family(c.Type), c.NotNull || primaryKey.Contains(c.Name))));
        }

        return columns;
    }

    /// <summary>The seed's type, reduced to the family both dialects must preserve.</summary>
    public static string Family(string seedType)
    {
        var type = seedType.ToUpperInvariant();
        var paren = type.IndexOf('(');
        var bare = paren < 0 ? type : type[..paren];
        return bare switch
        {
            "UUID" => "uuid",
            "VARCHAR" or "TEXT" => "text",
            "DECIMAL" => "decimal",
            "INTEGER" or "BIGINT" => "integer",
            "BOOLEAN" => "boolean",
            "TIMESTAMP" => "timestamp",
            "DATE" => "date",
            "BYTEA" => "bytes",
            "INET" => "inet",
            "INET[]" => "inet[]",
            "TEXT[]" => "text[]",
            "JSONB" => "json",
            "INTERVAL" => "interval",
            _ => throw new InvalidOperationException($"The seed uses a type this test does not know: {seedType}"),
        };
    }

    private static string StripComment(string line)
    {
        var index = line.IndexOf("--", StringComparison.Ordinal);
        return index < 0 ? line : line[..index];
    }

    [GeneratedRegex(@"CREATE TABLE (?<name>\w+) \((?<body>.*?)\n\);", RegexOptions.Singleline)]
    private static partial Regex CreateTable();
}
