namespace Orchestrator.Storage.Configuration;

/// <summary>A setting is missing or malformed; the message names the key.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
