using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// What the commands that talk to a running server share (<c>orders</c>, <c>strategies</c>): the
/// <c>--url</c> and <c>--api-key</c> options, an HTTP client with the key, and the answer printed as indented
/// JSON on stdout, or a refused request's problem detail on stderr with exit code 2 (the caller's input, a limit,
/// a conflict) or 1 (the server failed or could not be reached).
/// </summary>
public static class ServerApi
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // Neither option has a DefaultValueFactory: help prints a factory's value as "[default: ...]", which would show
    // the API key (or a URL with credentials in it) to anyone watching a terminal or reading a CI log. The
    // environment is read when the command runs instead (RunAsync).
    public static Option<string?> UrlOption() => new("--url")
    {
        Description = "The server (default: $ORCHESTRATOR_URL or " + ServerDefaults.Urls + ")",
    };

    public static Option<string?> KeyOption() => new("--api-key")
    {
        Description = "An API key (default: $ORCHESTRATOR_API_KEY)",
    };

    /// <summary>Sends one request and prints its answer.</summary>
    public static Task<int> SendAsync(string? url, string? apiKey, Func<HttpClient, Task<HttpResponseMessage>> send, CancellationToken ct) =>
        RunAsync(url, apiKey, async client =>
        {
            using var response = await send(client);
            return await PrintAsync(response, ct);
        });

    /// <summary>
    /// Runs <paramref name="body"/> with a client for the server (after checking the key and URL); an unreachable server
    /// exits 1. An unset <paramref name="url"/> or <paramref name="apiKey"/> comes from the environment.
    /// </summary>
    public static async Task<int> RunAsync(string? url, string? apiKey, Func<HttpClient, Task<int>> body)
    {
        url ??= Environment.GetEnvironmentVariable("ORCHESTRATOR_URL") ?? ServerDefaults.Urls;
        apiKey ??= Environment.GetEnvironmentVariable("ORCHESTRATOR_API_KEY");
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return CommandErrors.Fail(ExitCodes.BadInput, "--api-key: an API key is required (or set ORCHESTRATOR_API_KEY).");
        }

        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            return CommandErrors.Fail(ExitCodes.BadInput, $"--url: '{url}' is not an http(s) address.");
        }

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        try
        {
            return await body(client);
        }
        catch (HttpRequestException ex)
        {
            return CommandErrors.Fail(ExitCodes.Failure, $"--url: the server at {baseAddress} cannot be reached ({ex.Message}).");
        }
    }

    /// <summary>A success's JSON on stdout (exit 0), else the problem on stderr (exit 2 for a 4xx, 1 otherwise).</summary>
    public static async Task<int> PrintAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            Console.WriteLine(text.Length == 0 ? "{}" : JsonNode.Parse(text)!.ToJsonString(Indented));
            return ExitCodes.Success;
        }

        return Refused(response, text);
    }

    /// <summary>Prints a refused request's status and problem detail; 2 for a 4xx, 1 otherwise.</summary>
    public static int Refused(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        return CommandErrors.Fail(status is >= 400 and < 500 ? ExitCodes.BadInput : ExitCodes.Failure,
            $"{status.ToString(CultureInfo.InvariantCulture)}: {ProblemDetail(text) ?? response.ReasonPhrase}");
    }

    /// <summary>The problem's detail (or title); null when the body is not a problem document (a proxy's page).</summary>
    private static string? ProblemDetail(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject problem ? problem["detail"]?.GetValue<string>() ?? problem["title"]?.GetValue<string>() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
