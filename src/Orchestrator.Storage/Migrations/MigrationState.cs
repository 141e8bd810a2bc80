namespace Orchestrator.Storage.Migrations;

/// <summary>How a migration file stands against the database's <c>schema_migrations</c> ledger.</summary>
public enum MigrationState
{
    /// <summary>Recorded in the ledger with the file's checksum.</summary>
    Applied,

    /// <summary>Not yet recorded: <c>db migrate</c> will apply it.</summary>
    Pending,

    /// <summary>Recorded, but the file's text has changed since (checksums differ). Nothing is applied while one exists.</summary>
    Changed,

    /// <summary>Recorded in the ledger, but this build has no such file (the database was migrated by a newer build).</summary>
    Missing,
}

/// <summary>One line of <c>db status</c>.</summary>
public sealed record MigrationStatusEntry(
    string Version,
    string Description,
    MigrationState State,
    DateTime? AppliedAt,
    string? AppliedBy,
    string? FileChecksum,
    string? LedgerChecksum);
