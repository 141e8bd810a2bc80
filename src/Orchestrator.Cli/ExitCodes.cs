namespace Orchestrator.Cli;

/// <summary>The process exit codes every command uses.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed that is not the caller's input (a migration's SQL, an I/O error).</summary>
    public const int Failure = 1;

    /// <summary>Bad input or configuration, or an unreachable database; a one-line reason is printed.</summary>
    public const int BadInput = 2;

    /// <summary>An applied migration's file has changed since it ran; nothing was applied.</summary>
    public const int MigrationChanged = 3;
}
