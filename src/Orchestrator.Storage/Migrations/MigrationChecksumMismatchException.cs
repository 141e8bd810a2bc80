namespace Orchestrator.Storage.Migrations;

/// <summary>
/// Applied migrations whose files have changed since they ran. The schema they describe may no longer be the
/// database's, so nothing is applied until someone restores the file or writes a new migration.
/// </summary>
public sealed class MigrationChecksumMismatchException(IReadOnlyList<string> versions)
    : Exception($"applied migration {string.Join(", ", versions)} has changed since it was applied (checksum differs); nothing was applied")
{
    public IReadOnlyList<string> Versions { get; } = versions;
}
