namespace Orchestrator.Server.Trading;

/// <summary>
/// Trading does not run in this process now: the server came up while the database was unreachable and is still
/// waiting to restore the paper exchange's book, or another process runs trading on the database
/// (<see cref="TradingOwnership"/>). Answered 503; nothing was changed.
/// </summary>
public sealed class TradingNotReadyException(string message) : Exception(message)
{
    public TradingNotReadyException()
        : this("Trading is starting: the paper exchange is waiting for the database, or for another server on it to stop trading. Try again shortly.")
    {
    }
}
