namespace Orchestrator.Storage.Configuration;

/// <summary>The configured database cannot be reached or opened; the message says why in one line.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
