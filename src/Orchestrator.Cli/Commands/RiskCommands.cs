using System.CommandLine;
using System.Net.Http.Json;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator risk profiles|activate|state</c>, through a running server (<c>--url</c>, <c>--api-key</c>), as
/// the orders and strategies commands do: the answer is JSON on stdout, a refusal names the field on stderr.
/// </summary>
public static class RiskCommands
{
    public static Command Create() => new("risk", "Risk profiles and the kill switch, through the server")
    {
        Profiles(),
        Activate(),
        State(),
    };

    private static Command Profiles()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("profiles", "Your risk profiles (the active one is enforced)") { url, key };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url)!, parse.GetValue(key), client => client.GetAsync("api/v1/risk/profiles", ct), ct));
        return command;
    }

    private static Command Activate()
    {
        var id = new Argument<Guid>("profile-id") { Description = "The profile to enforce" };
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("activate", "Make a risk profile the enforced one") { id, url, key };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url)!, parse.GetValue(key),
            client => client.PostAsync($"api/v1/risk/profiles/{parse.GetValue(id)}/activate", null, ct), ct));
        return command;
    }

    private static Command State()
    {
        var set = new Option<string?>("--set") { Description = "ACTIVE, REDUCING or HALTED (without it: show the state)" };
        var reason = new Option<string?>("--reason") { Description = "Why (kept with the state)" };
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("state", "Show or set your kill switch") { set, reason, url, key };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url)!, parse.GetValue(key), client =>
            parse.GetValue(set) is { } state
                ? client.PutAsJsonAsync("api/v1/risk/state", new { state, reason = parse.GetValue(reason) }, ct)
                : client.GetAsync("api/v1/risk/state", ct), ct));
        return command;
    }
}
