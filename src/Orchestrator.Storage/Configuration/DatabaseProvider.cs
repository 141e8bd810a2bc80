namespace Orchestrator.Storage.Configuration;

/// <summary>The relational store the platform runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, nothing to install.</summary>
    Sqlite,

    /// <summary>The production store: PostgreSQL 15 or newer.</summary>
    Postgres,
}
