namespace Orchestrator.Server.Demo;

/// <summary>
/// What <see cref="DemoTrader"/> created: the login (the password exists only here, for the console, once: it is
/// never logged or stored in clear), the paper account and the running strategy with its symbols.
/// </summary>
public sealed record DemoCredentials(string Email, string Password, Guid AccountId, Guid StrategyId, string StrategyName, IReadOnlyList<string> Symbols);
