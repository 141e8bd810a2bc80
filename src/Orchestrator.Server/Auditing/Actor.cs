using System.Net;

namespace Orchestrator.Server.Auditing;

/// <summary>Who is acting and from where: recorded on every audit row.</summary>
public sealed record Actor(Guid? UserId, Guid? ApiKeyId, Guid? SessionId, IPAddress? IpAddress, string? UserAgent, string? Endpoint)
{
    /// <summary>An administrator at the command line (no user, key or session; the OS user goes in metadata).</summary>
    public static Actor CommandLine(string command) => new(null, null, null, null, $"orchestrator-cli ({Environment.UserName})", command);

    /// <summary>The platform acting on its own (the kill switch, the strategy runner, a protective stop): no user, key or session.</summary>
    public static Actor Platform(string component, string endpoint) => new(null, null, null, null, $"orchestrator ({component})", endpoint);
}
