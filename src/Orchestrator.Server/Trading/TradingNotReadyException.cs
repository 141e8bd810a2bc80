namespace Orchestrator.Server.Trading;

/// <summary>
/// Trading has not started yet: the server came up while the database was unreachable and is still waiting
/// to restore the paper exchange's book. Answered 503; nothing was changed.
/// </summary>
public sealed class TradingNotReadyException()
    : Exception("Trading is starting: the paper exchange is waiting for the database. Try again shortly.");
