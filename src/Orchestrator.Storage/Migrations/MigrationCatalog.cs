using System.Reflection;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Storage.Migrations;

/// <summary>
/// The migrations of one dialect, in version order. They are the .sql files under
/// <c>Migrations/Postgres</c> and <c>Migrations/Sqlite</c>, embedded in this assembly.
/// </summary>
public static class MigrationCatalog
{
    public static IReadOnlyList<Migration> For(DatabaseProvider provider)
    {
        var prefix = $"Migrations/{provider}/";
        var assembly = typeof(MigrationCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, prefix))
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
    }

    private static Migration Load(Assembly assembly, string resourceName, string prefix)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded migration {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        var sql = reader.ReadToEnd();
        var version = Path.GetFileNameWithoutExtension(resourceName[prefix.Length..]);
        return new Migration(version, Migration.DescribeFrom(version, sql), sql);
    }
}
