namespace Orchestrator.Storage.Migrations;

/// <summary>A migration's SQL failed; its transaction was rolled back (for a no-transaction migration,
/// the statements before the failing one stay applied and the file is written to be re-runnable).</summary>
public sealed class MigrationFailedException(string version, Exception inner)
    : Exception($"migration {version} failed: {inner.Message.Split('\n', 2)[0].Trim()}", inner)
{
    public string Version { get; } = version;
}
