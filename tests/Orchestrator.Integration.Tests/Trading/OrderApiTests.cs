using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>The order API's contract: validation, immediate fills, cancels, flips, listing, permissions.</summary>
public sealed class OrderApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bad_order_is_a_422_naming_each_field_and_stores_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var response = await kit.PlaceAsync(new
        {
            accountId = kit.AccountId, symbol = "not a symbol", side = "buy", orderType = "LIMIT", quantity = 0.000000001m,
            stopPrice = 5, timeInForce = "GTD",
        });
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal(["goodTillDate", "limitPrice", "quantity", "side", "stopPrice", "symbol"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        await using var db = server.Db.CreateContext();
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task Each_bad_price_quantity_or_symbol_is_told_what_is_wrong_with_it()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var cases = new (string Field, object? Value, string Message)[]
        {
            ("limitPrice", null, "is required for a LIMIT order."),
            ("limitPrice", -1m, "must be positive."),
            // DECIMAL(15,8): 7 digits before the point.
            ("limitPrice", 99_999_999.99m, "must be at most 9999999.99999999, the largest its column holds."),
            ("limitPrice", 1.123456789m, "must have at most 8 decimals."),
            ("quantity", null, "is required."),
            ("quantity", 0m, "must be positive."),
            // DECIMAL(20,8): 12 digits before the point.
            ("quantity", 1_000_000_000_000m, "must be at most 999999999999.99999999, the largest its column holds."),
            ("quantity", 0.000000001m, "must have at most 8 decimals."),
            ("symbol", new string('A', 300), "must be at most 20 characters long (it has 300)."),
            ("symbol", " ", "is required."),
            ("symbol", "BAD SYMBOL", "must be a symbol such as AAPL or BRK.B: letters and digits, with '.', '-' or '/' between them."),
        };

        foreach (var (field, value, message) in cases)
        {
            var order = new Dictionary<string, object?>
            {
                ["accountId"] = kit.AccountId, ["symbol"] = "ACME", ["side"] = "BUY", ["orderType"] = "LIMIT", ["quantity"] = 1m, ["limitPrice"] = 10m,
                ["timeInForce"] = "GTC", [field] = value,
            };
            var problem = await Problems.AssertProblemAsync(await kit.PlaceAsync(order), HttpStatusCode.UnprocessableEntity, "validation");
            Assert.Equal($"{field}: {message}", problem.GetProperty("detail").GetString());
        }

        await using var db = server.Db.CreateContext();
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task A_market_order_fills_at_once_and_a_flip_through_zero_closes_one_position_and_opens_another()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        await kit.BarAsync("ACME", 50m, 50m, 50m, 50m, 1_000_000);

        var buy = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "MARKET", quantity = 100 });
        Assert.Equal(HttpStatusCode.Created, buy.StatusCode);
        var bought = await buy.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // Fills in the same transaction as the order: the 201 already shows it filled at the last close, 50.
        Assert.Equal("FILLED", bought.GetProperty("status").GetString());
        Assert.Equal(50m, bought.GetProperty("averageFillPrice").GetDecimal());

        await kit.BarAsync("ACME", 55m, 55m, 55m, 55m, 1_000_000);
        var sell = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "SELL", orderType = "MARKET", quantity = 150 });
        Assert.Equal(HttpStatusCode.Created, sell.StatusCode);

        // Long 100 @ 50, sell 150 @ 55: the long closes with (55 - 50) x 100 = 500 realized and a short of 50 opens at 55.
        var positions = (await kit.GetAsync($"/api/v1/accounts/{kit.AccountId}/positions?includeClosed=true")).EnumerateArray().ToList();
        Assert.Equal(2, positions.Count);
        var closed = positions.Single(p => p.GetProperty("closedAt").ValueKind != JsonValueKind.Null);
        Assert.Equal("LONG", closed.GetProperty("positionType").GetString());
        Assert.Equal(500m, closed.GetProperty("realizedPnl").GetDecimal());
        var open = positions.Single(p => p.GetProperty("closedAt").ValueKind == JsonValueKind.Null);
        Assert.Equal("SHORT", open.GetProperty("positionType").GetString());
        Assert.Equal(-50m, open.GetProperty("quantity").GetDecimal());
        Assert.Equal(55m, open.GetProperty("averagePrice").GetDecimal());

        // Cash: 100,000 - 100 x 50 - 1.00 + 150 x 55 - 1.00 (0.005 x 150 = 0.75, below the minimum) = 103,248.00.
        var balance = (await kit.GetAsync($"/api/v1/accounts/{kit.AccountId}/balances")).EnumerateArray().First();
        Assert.Equal(103_248m, balance.GetProperty("cashBalance").GetDecimal());
        // Equity: cash - 50 x 55 = 100,498 (the 500 gain less 2.00 commission).
        Assert.Equal(100_498m, balance.GetProperty("portfolioValue").GetDecimal());
    }

    [Fact]
    public async Task Cancel_ends_a_working_order_once_and_then_answers_409()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var placed = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 3, limitPrice = 10, timeInForce = "GTC" });
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid();

        var cancel = await kit.Client.DeleteAsync($"/api/v1/orders/{orderId}", Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = await cancel.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("CANCELLED", cancelled.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, cancelled.GetProperty("cancelledAt").ValueKind);

        await Problems.AssertProblemAsync(await kit.Client.DeleteAsync($"/api/v1/orders/{orderId}", Ct), HttpStatusCode.Conflict, "conflict");
        await Problems.AssertProblemAsync(await kit.Client.DeleteAsync($"/api/v1/orders/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound, "not-found");

        // The reservation is released: buying power is back to the full 100,000.
        var balance = (await kit.GetAsync($"/api/v1/accounts/{kit.AccountId}/balances")).EnumerateArray().First();
        Assert.Equal(100_000m, balance.GetProperty("buyingPower").GetDecimal());
    }

    [Fact]
    public async Task An_ioc_order_fills_what_the_bar_allows_and_cancels_the_rest()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        // 25% of a 400-share bar is 100 shares for our orders.
        await kit.BarAsync("ACME", 20m, 20m, 20m, 20m, 400);
        var response = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 250, limitPrice = 21, timeInForce = "IOC" });
        var order = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("CANCELLED", order.GetProperty("status").GetString());
        Assert.Equal(100m, order.GetProperty("filledQuantity").GetDecimal());
        Assert.Equal(20m, order.GetProperty("averageFillPrice").GetDecimal());
    }

    [Fact]
    public async Task Orders_list_filters_and_pages_newest_first()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        for (var i = 0; i < 5; i++)
        {
            var symbol = i % 2 == 0 ? "AAA" : "BBB";
            Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(new { accountId = kit.AccountId, clientOrderId = $"l-{i}", symbol, side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 1, timeInForce = "GTC" })).StatusCode);
        }

        var page1 = await kit.GetAsync("/api/v1/orders?symbol=AAA&pageSize=2");
        Assert.Equal(["l-4", "l-2"], page1.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("clientOrderId").GetString()).ToArray());
        Assert.True(page1.GetProperty("hasMore").GetBoolean());
        var page2 = await kit.GetAsync("/api/v1/orders?symbol=AAA&pageSize=2&page=2");
        Assert.Equal(["l-0"], page2.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("clientOrderId").GetString()).ToArray());
        Assert.False(page2.GetProperty("hasMore").GetBoolean());
        Assert.Empty((await kit.GetAsync("/api/v1/orders?status=FILLED")).GetProperty("items").EnumerateArray());

        var bad = await kit.Client.GetAsync("/api/v1/orders?status=DONE&pageSize=0", Ct);
        var problem = await Problems.AssertProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal(["pageSize", "status"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_page_beyond_one_million_is_a_422_naming_page_not_a_wrapped_first_page()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "AAA", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 1, timeInForce = "GTC" })).StatusCode);

        // (5,000,000 - 1) x 500 = 2,499,999,500 rows to skip: past int.MaxValue, it used to wrap and show page 1's order.
        var beyond = await kit.Client.GetAsync("/api/v1/orders?page=5000000&pageSize=500", Ct);
        var problem = await Problems.AssertProblemAsync(beyond, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal("page: must be between 1 and 1000000.", problem.GetProperty("detail").GetString());

        // The last page allowed is simply empty.
        var last = await kit.GetAsync("/api/v1/orders?page=1000000&pageSize=500");
        Assert.Empty(last.GetProperty("items").EnumerateArray());
        Assert.False(last.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task An_api_key_needs_can_trade_to_place_or_cancel_and_can_read_to_list()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var (_, readOnly) = await server.CreateKeyAsync(kit.User, new { name = "reader", canRead = true, canWrite = true, canTrade = false });
        var (_, trader) = await server.CreateKeyAsync(kit.User, new { name = "trader", canRead = true, canWrite = true, canTrade = true });
        var order = new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 5, timeInForce = "GTC" };

        using var reader = server.Client(apiKey: readOnly);
        await Problems.AssertProblemAsync(await reader.PostAsJsonAsync("/api/v1/orders", order, Ct), HttpStatusCode.Forbidden, "forbidden");
        using var trading = server.Client(apiKey: trader);
        var placed = await trading.PostAsJsonAsync("/api/v1/orders", order, Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var created = await placed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // An order placed with an API key is recorded as the API's.
        Assert.Equal("API", created.GetProperty("orderSource").GetString());
        var orderId = created.GetProperty("orderId").GetGuid();
        await Problems.AssertProblemAsync(await reader.DeleteAsync($"/api/v1/orders/{orderId}", Ct), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/orders/{orderId}", Ct)).StatusCode);
    }
}
