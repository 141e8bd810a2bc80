using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator strategies start|stop|status</c>, through a running server (<c>--url</c>, <c>--api-key</c>;
/// <c>can_write</c> to start or stop), as the other strategy commands. <c>start</c> and <c>stop</c> print the
/// strategy's status as the API's JSON; <c>status</c> prints a table (<c>--json</c> for the JSON, with every field). An id or
/// account that is not a UUID, or an empty <c>--symbols</c>, exits 2 naming it before anything is sent; the
/// server's refusals (another user's account, an unknown symbol) exit 2 with its problem detail, which names the field.
/// </summary>
public static class StrategyRunCommands
{
    public static Command Start()
    {
        var id = IdArgument();
        var account = new Option<string?>("--account") { Description = "The account it trades (one of yours; default: the one stored at its last start)" };
        var symbols = new Option<string?>("--symbols") { Description = "What it trades, comma-separated, e.g. AAPL,MSFT (default: the ones stored at its last start)" };
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("start", "Run a strategy on an account and symbols") { id, account, symbols, url, key };
        command.SetAction((parse, ct) =>
        {
            if (ParseId(parse.GetValue(id), "ID", "strategy", out var strategyId) is { } badId)
            {
                return Task.FromResult(badId);
            }

            Guid? accountId = null;
            if (parse.GetValue(account) is { } accountText)
            {
                if (ParseId(accountText, "--account", "account", out var parsed) is { } badAccount)
                {
                    return Task.FromResult(badAccount);
                }

                accountId = parsed;
            }

            string[]? list = null;
            if (parse.GetValue(symbols) is { } symbolsText)
            {
                list = symbolsText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (list.Length == 0)
                {
                    return Task.FromResult(CommandErrors.Fail(ExitCodes.BadInput, "--symbols: give 1 to 100 symbols, comma-separated (e.g. AAPL,MSFT)."));
                }
            }

            return ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key),
                client => client.PostAsJsonAsync($"api/v1/strategies/{strategyId}/start", new { accountId, symbols = list }, ct), ct);
        });
        return command;
    }

    public static Command Stop()
    {
        var id = IdArgument();
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("stop", "Stop a strategy and make it inactive") { id, url, key };
        command.SetAction((parse, ct) => ParseId(parse.GetValue(id), "ID", "strategy", out var strategyId) is { } bad
            ? Task.FromResult(bad)
            : ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client => client.PostAsync($"api/v1/strategies/{strategyId}/stop", null, ct), ct));
        return command;
    }

    public static Command Status()
    {
        var id = new Argument<string?>("ID") { Description = "One strategy (default: all yours)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON instead of a table" };
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var command = new Command("status", "What the runner is doing with your strategies") { id, json, url, key };
        command.SetAction((parse, ct) =>
        {
            var path = "api/v1/strategies/status";
            if (parse.GetValue(id) is { } text)
            {
                if (ParseId(text, "ID", "strategy", out var strategyId) is { } bad)
                {
                    return Task.FromResult(bad);
                }

                path = $"api/v1/strategies/{strategyId}/status";
            }

            return ServerApi.RunAsync(parse.GetValue(url), parse.GetValue(key), async client =>
            {
                using var response = await client.GetAsync(path, ct);
                if (parse.GetValue(json) || !response.IsSuccessStatusCode)
                {
                    return await ServerApi.PrintAsync(response, ct);
                }

                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
                Print(body is JsonArray array ? [.. array.OfType<JsonObject>()] : [body!.AsObject()]);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Argument<string> IdArgument() => new("ID") { Description = "The strategy's id (see `orchestrator strategies list`)" };

    /// <summary>Null when <paramref name="text"/> is a UUID; else the exit code, with the field named on stderr.</summary>
    private static int? ParseId(string? text, string field, string what, out Guid id) =>
        Guid.TryParse(text, out id) ? null : CommandErrors.Fail(ExitCodes.BadInput, $"{field}: '{text}' is not a UUID (the {what}'s id).");

    private static void Print(IReadOnlyList<JsonObject> statuses)
    {
        if (statuses.Count == 0)
        {
            Console.WriteLine("No strategies: create one with `orchestrator strategies create`.");
            return;
        }

        var table = new Table()
            .AddColumn("Strategy")
            .AddColumn(new TableColumn("Id").NoWrap()) // whole, so it can be copied
            .AddColumns("Active")
            .AddColumn(new TableColumn("State").NoWrap())
            .AddColumns("Reason", "Running", "Symbols", "Bars", "Signals", "Trades", "P&L");
        foreach (var s in statuses)
        {
            table.AddRow(
                Markup.Escape(Text(s, "name")),
                Text(s, "strategyId"),
                Flag(s, "isActive"),
                Text(s, "runState"),
                Markup.Escape(Text(s, "runStateReason")),
                Flag(s, "running"),
                Markup.Escape(string.Join(",", (s["symbols"] as JsonArray ?? []).Select(v => v?.GetValue<string>()))),
                Text(s, "barsSeen"),
                Text(s, "signalsRouted"),
                Text(s, "totalTrades"),
                s["totalPnl"] is JsonValue pnl ? pnl.GetValue<decimal>().ToString("0.00", CultureInfo.InvariantCulture) : "-");
        }

        AnsiConsole.Write(table);
    }

    private static string Text(JsonObject s, string name) => s[name] is JsonValue value ? value.ToString() : "-";

    private static string Flag(JsonObject s, string name) => s[name] is JsonValue value && value.GetValue<bool>() ? "yes" : "no";
}
