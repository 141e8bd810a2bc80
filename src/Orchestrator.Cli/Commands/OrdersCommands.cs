using System.CommandLine;
using System.Net.Http.Json;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator orders place|list|cancel</c>, for scripts. They talk to a running server over its API with an
/// API key (<c>--api-key</c> or <c>ORCHESTRATOR_API_KEY</c>; <c>can_trade</c> to place or cancel), never to the
/// database directly: an account's orders must all pass through the server's one writer for that account.
/// Output is the API's JSON on stdout; a refused request prints the problem's detail on stderr and exits 2
/// (bad input, a limit, a conflict) or 1 (the server failed or could not be reached).
/// </summary>
public static class OrdersCommands
{
    public static Command Create()
    {
        var orders = new Command("orders", "Place, list and cancel orders through a running server");
        orders.Subcommands.Add(Place());
        orders.Subcommands.Add(List());
        orders.Subcommands.Add(Cancel());
        return orders;
    }

    private static Command Place()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var order = new OrderOptions();
        var clientId = new Option<string?>("--client-order-id") { Description = "Your id for the order: re-sending it never makes a second order" };
        var command = new Command("place", "Place an order") { url, key };
        order.AddTo(command);
        command.Options.Add(clientId);
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key),
            http => http.PostAsJsonAsync("api/v1/orders", order.Body(parse, parse.GetValue(clientId)), ct), ct));
        return command;
    }

    private static Command List()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var status = new Option<string?>("--status") { Description = "NEW, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED or EXPIRED" };
        var symbol = new Option<string?>("--symbol") { Description = "Only this symbol" };
        var account = new Option<Guid?>("--account") { Description = "Only this account" };
        var page = new Option<int>("--page") { Description = "Page number, from 1", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--page-size") { Description = "Orders per page (at most 500)", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List orders, newest first") { url, key, status, symbol, account, page, size };
        command.SetAction((parse, ct) =>
        {
            var query = new List<string> { $"page={parse.GetValue(page)}", $"pageSize={parse.GetValue(size)}" };
            Add(query, "status", parse.GetValue(status));
            Add(query, "symbol", parse.GetValue(symbol));
            Add(query, "accountId", parse.GetValue(account)?.ToString());
            return ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client => client.GetAsync("api/v1/orders?" + string.Join('&', query), ct), ct);
        });
        return command;
    }

    private static Command Cancel()
    {
        var url = ServerApi.UrlOption();
        var key = ServerApi.KeyOption();
        var id = new Argument<Guid>("order-id") { Description = "The order's id" };
        var command = new Command("cancel", "Cancel what remains of an order") { url, key, id };
        command.SetAction((parse, ct) => ServerApi.SendAsync(parse.GetValue(url), parse.GetValue(key), client => client.DeleteAsync($"api/v1/orders/{parse.GetValue(id)}", ct), ct));
        return command;
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
