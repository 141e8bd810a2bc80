using Orchestrator.Domain.Strategies;

namespace Orchestrator.Server.Orchestration;

/// <summary>A user strategy as the runner runs it: whose it is, where it trades, what it trades and when.</summary>
/// <param name="StrategyId">The strategy's id (<c>strategies</c> and <c>user_strategies</c> share it).</param>
/// <param name="UserId">Its owner.</param>
/// <param name="AccountId">The account its orders go to.</param>
/// <param name="Name">Its name, for logs and alerts.</param>
/// <param name="Symbols">What it trades.</param>
/// <param name="Schedule">When it may trade (null: whenever its symbols' sessions are open).</param>
/// <param name="Create">Makes a fresh instance of the strategy (its template with its parameters).</param>
public sealed record RunningStrategy(
    Guid StrategyId, Guid UserId, Guid AccountId, string Name, IReadOnlyList<string> Symbols, TradingSchedule? Schedule, Func<Strategy> Create);
