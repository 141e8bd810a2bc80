using System.CommandLine;
using System.Net.Http.Json;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator risk profiles|activate|state|check|calculate|alerts|resolve</c>, through a running server (<c>--url</c>, <c>--api-key</c>), as
/// the orders and strategies commands do: the answer is JSON on stdout, a refusal names the field on stderr.
/// </summary>
public static class RiskCommands
{
    public static Command Create() => new("risk", "Risk profiles, the kill switch, checks, calculations and alerts, through the server")
    {
        Profiles(),
        Activate(),
        State(),
        Check(),
        Calculate(),
        Alerts(),
        Resolve(),
    };

    private static Command Profiles()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("profiles", "Your risk profiles (the active one is enforced)") { url, key };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client => client.GetAsync("api/v1/risk/profiles", ct), ct));
        return command;
    }

    private static Command Activate()
    {
        var id = new Argument<Guid>("profile-id") { Description = "The profile to enforce" };
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("activate", "Make a risk profile the enforced one") { id, url, key };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key),
            client => client.PostAsync($"api/v1/risk/profiles/{parse.GetValue(id)}/activate", null, ct), ct));
        return command;
    }

    /// <summary>The dry run: would this order pass the account's checks and the active risk profile? Nothing is placed.</summary>
    private static Command Check()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var order = new OrderOptions();
        var command = new Command("check", "Would this order pass? (a dry run: nothing is placed)") { url, key };
        order.AddTo(command);
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key),
            client => client.PostAsJsonAsync("api/v1/risk/check", order.Body(parse), ct), ct));
        return command;
    }

    private static Command Calculate()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var account = new Option<Guid?>("--account") { Description = "One account (default: all yours)" };
        var benchmark = new Option<string?>("--benchmark") { Description = "The symbol beta is measured against" };
        var command = new Command("calculate", "Calculate VaR, expected shortfall, beta, concentrations and exposures now") { url, key, account, benchmark };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client =>
            client.PostAsJsonAsync("api/v1/risk/calculations", new { accountId = parse.GetValue(account), benchmark = parse.GetValue(benchmark) }, ct), ct));
        return command;
    }

    private static Command Alerts()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var all = new Option<bool>("--all") { Description = "Resolved ones too" };
        var command = new Command("alerts", "Your risk alerts (open ones unless --all)") { url, key, all };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client =>
            client.GetAsync(parse.GetValue(all) ? "api/v1/risk/alerts" : "api/v1/risk/alerts?unresolved=true", ct), ct));
        return command;
    }

    private static Command Resolve()
    {
        var id = new Argument<Guid>("alert-id") { Description = "The alert" };
        var action = new Option<string>("--action") { Description = "What was done about it", Required = true };
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("resolve", "Resolve a risk alert with the action taken") { id, action, url, key };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client =>
            client.PostAsJsonAsync($"api/v1/risk/alerts/{parse.GetValue(id)}/resolve", new { action = parse.GetValue(action) }, ct), ct));
        return command;
    }

    private static Command State()
    {
        var set = new Option<string?>("--set") { Description = "ACTIVE, REDUCING or HALTED (without it: show the state)" };
        var reason = new Option<string?>("--reason") { Description = "Why (kept with the state)" };
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("state", "Show or set your kill switch") { set, reason, url, key };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client =>
            parse.GetValue(set) is { } state
                ? client.PutAsJsonAsync("api/v1/risk/state", new { state, reason = parse.GetValue(reason) }, ct)
                : client.GetAsync("api/v1/risk/state", ct), ct));
        return command;
    }
}
