namespace Orchestrator.Server.Orchestration;

/// <summary>The values of <c>user_strategies.run_state</c> (migration 009).</summary>
public static class StrategyRunStates
{
    /// <summary>Receiving bars and trading.</summary>
    public const string Running = "RUNNING";

    /// <summary>Stopped by its user, or never started.</summary>
    public const string Stopped = "STOPPED";

    /// <summary>Stopped by its user's kill switch (HALTED); resumes when trading does.</summary>
    public const string Halted = "HALTED";

    /// <summary>It threw or timed out: stopped, <c>is_active</c> false, a risk alert raised.</summary>
    public const string Disabled = "DISABLED";
}
