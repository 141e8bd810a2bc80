using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Cli.Commands;

/// <summary>Turns the failures every command can meet into one line on stderr and an exit code.</summary>
public static class CommandErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (ConfigurationException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (DatabaseUnavailableException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (MigrationChecksumMismatchException ex)
        {
            return Fail(ExitCodes.MigrationChanged, ex.Message);
        }
        catch (MigrationFailedException ex)
        {
            return Fail(ExitCodes.Failure, ex.Message);
        }
        catch (Orchestrator.Server.Trading.TradingOwnedElsewhereException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (FormatException ex)
        {
            // Malformed command-line switches or configuration values.
            return Fail(ExitCodes.BadInput, ex.Message);
        }
    }

    /// <summary>
    /// A failure no command anticipated (a report directory that cannot be created, a bug): one line naming the
    /// exception's type and message, exit 1 (not the caller's input as far as we know), never a stack trace.
    /// </summary>
    public static int Unexpected(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is OperationCanceledException
            ? Fail(ExitCodes.Failure, "cancelled")
            : Fail(ExitCodes.Failure, $"unexpected error: {exception.GetType().Name}: {exception.Message}");
    }

    public static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"orchestrator: {message}");
        return code;
    }
}
