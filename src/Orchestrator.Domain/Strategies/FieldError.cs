namespace Orchestrator.Domain.Strategies;

/// <summary>A bad member of a settings document: its name (as the JSON spells it) and why.</summary>
public sealed record FieldError(string Field, string Message);
