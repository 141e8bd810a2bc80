namespace Orchestrator.Server.Demo;

/// <summary>
/// The <c>Demo</c> configuration section, read by <c>serve</c> and <c>run</c> (never by a bare
/// <see cref="Hosting.OrchestratorServer"/>, so tests and embedders get no demo data): <c>Demo:Enabled</c>
/// (<c>--no-demo</c> turns it off) and <c>Demo:ReplaySpeed</c>.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// Load the synthetic universe into a database with no symbols, create the demo user in a database with no users,
    /// and replay the synthetic bars while the demo user exists.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many times faster than real time the synthetic bars are replayed (60: a one-minute bar every second; 0 or less: no replay).</summary>
    public double ReplaySpeed { get; set; } = 60;
}
