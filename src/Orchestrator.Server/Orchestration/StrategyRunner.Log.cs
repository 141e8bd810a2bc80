using Microsoft.Extensions.Logging;

namespace Orchestrator.Server.Orchestration;

public sealed partial class StrategyRunner
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The stored strategies could not be read; trying again in 5 s")]
    private partial void LogStoredFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {Name} ({StrategyId}) runs on {Symbols}")]
    private partial void LogStarted(string name, Guid strategyId, string symbols);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Strategy {StrategyId} cannot run: {Problem}")]
    private partial void LogCannotRun(Guid strategyId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Strategy {StrategyId} could not be started")]
    private partial void LogStartFailed(Exception exception, Guid strategyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Strategy {Name} ({StrategyId}) disabled: {Reason}")]
    private partial void LogDisabled(string name, Guid strategyId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The run state of strategy {StrategyId} could not be stored")]
    private partial void LogStateFailed(Exception exception, Guid strategyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The strategies of user {UserId} could not follow the kill switch")]
    private partial void LogKillSwitchFailed(Exception exception, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The performance of strategy {StrategyId} could not be recomputed")]
    private partial void LogPerformanceFailed(Exception exception, Guid strategyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up bars of {Symbols} could not be read; the strategy starts without them")]
    private partial void LogWarmUpFailed(Exception exception, string symbols);

    [LoggerMessage(Level = LogLevel.Error, Message = "Strategy {Strategy}: its {Symbol} signal could not be routed and was dropped; the strategy goes on")]
    private partial void LogRouteFailed(Exception exception, string strategy, string symbol);
}
