namespace Orchestrator.Server.Orchestration;

/// <summary>The <c>Strategies</c> configuration section's runner settings.</summary>
public sealed class StrategyRunnerOptions
{
    public const string Section = "Strategies";

    /// <summary>Whether <c>serve</c> runs the active strategies (off for a server that only answers the API).</summary>
    public bool RunnerEnabled { get; set; } = true;

    /// <summary>How long one call into strategy code may take before the strategy is disabled.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How far back a starting strategy's warm-up reads its symbols' stored bars (zero: no warm-up). Four days reach
    /// the previous session across a weekend or a holiday.
    /// </summary>
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromDays(4);

    /// <summary>How often the strategies whose orders filled get their performance columns recomputed.</summary>
    public TimeSpan PerformanceInterval { get; set; } = TimeSpan.FromSeconds(2);
}
