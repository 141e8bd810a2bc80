namespace Orchestrator.Server.Hosting;

public static class ServerDefaults
{
    /// <summary>Loopback only by default: exposing the API is a deliberate choice (<c>--urls</c>).</summary>
    public const string Urls = "http://127.0.0.1:5080";

    public const string ApiPrefix = "/api/v1";
}
