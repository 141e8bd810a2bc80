using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator strategies templates|create|list</c> (and <c>start|stop|status</c>, in
/// <see cref="StrategyRunCommands"/>), through a running server's API (<c>--url</c>, <c>--api-key</c>;
/// <c>can_write</c> to create), as <c>orders</c> does. <c>--param path=value</c> sets one
/// parameter override: its value is read as the type the template's JSON Schema gives the parameter, so
/// <c>--param moving_averages.short_period=5</c> sends <c>{"moving_averages":{"short_period":5}}</c>. A bad
/// <c>--param</c> exits 2 naming it before anything is sent; the server's refusals (a value out of range, a
/// taken name) exit 2 with its problem detail, which names the field.
/// </summary>
public static class StrategiesCommands
{
    public static Command Create()
    {
        var strategies = new Command("strategies", "List strategy templates; create, list, start, stop and watch your strategies through a running server");
        strategies.Subcommands.Add(Templates());
        strategies.Subcommands.Add(CreateStrategy());
        strategies.Subcommands.Add(List());
        strategies.Subcommands.Add(StrategyRunCommands.Start());
        strategies.Subcommands.Add(StrategyRunCommands.Stop());
        strategies.Subcommands.Add(StrategyRunCommands.Status());
        return strategies;
    }

    private static Command Templates()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("templates", "The template catalog: defaults and the JSON Schema of each template's parameters") { url, key };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client => client.GetAsync("api/v1/strategy-templates", ct), ct));
        return command;
    }

    private static Command List()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("list", "Your strategies") { url, key };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client => client.GetAsync("api/v1/strategies", ct), ct));
        return command;
    }

    private static Command CreateStrategy()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var template = new Option<string>("--template") { Description = "The template's name (see `strategies templates`)", Required = true };
        var name = new Option<string>("--name") { Description = "Your name for the strategy (unique among yours)", Required = true };
        var parameters = new Option<string[]>("--param")
        {
            Description = "A parameter override, path=value (repeatable; nested parameters by dotted path)",
            AllowMultipleArgumentsPerToken = false,
        };
        var isPublic = new Option<bool>("--public") { Description = "List it in the marketplace" };
        var command = new Command("create", "Create a strategy from a template") { url, key, template, name, parameters, isPublic };
        command.SetAction((parse, ct) => ServerApi.RunAsync(parse.GetValue(url), parse.GetValue(key), async client =>
        {
            var templateName = parse.GetValue(template)!;
            using var found = await client.GetAsync($"api/v1/strategy-templates/{Uri.EscapeDataString(templateName)}", ct);
            var text = await found.Content.ReadAsStringAsync(ct);
            if (found.StatusCode == HttpStatusCode.NotFound)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"--template: '{templateName}' is not a template (see `orchestrator strategies templates`).");
            }

            if (!found.IsSuccessStatusCode)
            {
                return ServerApi.Refused(found, text);
            }

            var schema = JsonNode.Parse(text)?["parameterSchema"] as JsonObject;
            var overrides = new JsonObject();
            foreach (var assignment in parse.GetValue(parameters) ?? [])
            {
                if (Override(schema, assignment, overrides) is { } problem)
                {
                    return CommandErrors.Fail(ExitCodes.BadInput, problem);
                }
            }

            using var response = await client.PostAsJsonAsync("api/v1/strategies", new
            {
                template = templateName,
                name = parse.GetValue(name),
                parameters = overrides,
                isPublic = parse.GetValue(isPublic),
            }, ct);
            return await ServerApi.PrintAsync(response, ct);
        }));
        return command;
    }

    /// <summary>Adds one <c>path=value</c> to the nested overrides, typed by the schema; the problem (naming the --param) when it cannot.</summary>
    private static string? Override(JsonObject? schema, string assignment, JsonObject overrides)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return $"--param: '{assignment}' must be path=value.";
        }

        var path = assignment[..equals].Trim();
        var text = assignment[(equals + 1)..].Trim();
        var parts = path.Split('.');
        var leaf = schema;
        foreach (var part in parts)
        {
            leaf = leaf?["properties"]?[part] as JsonObject;
        }

        var type = leaf?["type"]?.GetValue<string>();
        JsonNode? value = type switch
        {
            "integer" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
            "number" when decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            "boolean" when bool.TryParse(text, out var b) => JsonValue.Create(b),
            "string" => JsonValue.Create(text),
            _ => null,
        };
        if (type is null or "object")
        {
            return $"--param {path}: not a parameter of this template.";
        }

        if (value is null)
        {
            return $"--param {path}: '{text}' is not {(type == "integer" ? "an integer" : type == "boolean" ? "true or false" : "a number")}.";
        }

        var node = overrides;
        foreach (var part in parts[..^1])
        {
            node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
        }

        node[parts[^1]] = value;
        return null;
    }
}
