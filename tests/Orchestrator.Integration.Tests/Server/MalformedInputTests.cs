using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;

namespace Orchestrator.Integration.Tests.Server;

/// <summary>
/// Input the framework cannot bind: a JSON member of the wrong type or out of range, a query value that does not parse,
/// is a 422 naming the field (as any invalid field is); a body that is not JSON at all, or none, a 400. Nothing changes.
/// </summary>
public sealed class MalformedInputTests
{
    private const string Number = "must be a number of magnitude at most 79228162514264337593543950335.";
    private const string Uuid = "must be a UUID such as 0190f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f.";
    private const string Instant = "must be an ISO 8601 date and time such as 2030-01-31T14:30:00Z.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_json_member_of_the_wrong_type_or_range_is_a_422_naming_it_and_nothing_is_stored()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        // A good LIMIT order but for one member.
        string Order(string quantity = "1", string? accountId = null, string goodTill = "") =>
            $$"""{"accountId":"{{accountId ?? kit.AccountId.ToString()}}","symbol":"ACME","side":"BUY","orderType":"LIMIT","limitPrice":10,"timeInForce":"GTC","quantity":{{quantity}}{{goodTill}}}""";
        var cases = new (string Path, string Method, string Body, string Field, string Message)[]
        {
            ("/api/v1/orders", "POST", Order(quantity: "\"ten\""), "quantity", Number),
            ("/api/v1/orders", "POST", Order(quantity: "true"), "quantity", "has the wrong type: expected a number."),
            ("/api/v1/orders", "POST", Order(quantity: "1e30"), "quantity", Number),
            ("/api/v1/orders", "POST", Order(accountId: "not-a-uuid"), "accountId", Uuid),
            ("/api/v1/orders", "POST", Order(goodTill: ",\"goodTillDate\":\"yesterday\""), "goodTillDate", Instant),
            ("/api/v1/risk/check", "POST", Order(quantity: "\"ten\""), "quantity", Number),
            ("/api/v1/risk/profiles", "POST", """{"profileName":"Yes","trailingStopEnabled":"yes"}""", "trailingStopEnabled", "has the wrong type: expected true or false."),
            ("/api/v1/risk/profiles", "POST", """{"profileName":"Many","maxLongPositions":3000000000}""", "maxLongPositions", "must be a whole number from -2147483648 to 2147483647."),
            ("/api/v1/risk/state", "PUT", """{"state":5,"reason":"test"}""", "state", "has the wrong type: expected a string."),
        };

        foreach (var (path, method, body, field, message) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var problem = await Problems.AssertProblemAsync(await kit.Client.SendAsync(request, Ct), HttpStatusCode.UnprocessableEntity, "validation");
            Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray());
            Assert.Equal($"{field}: {message}", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM orders"));
        Assert.Equal(1L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM risk_profiles"));
        Assert.Equal("ACTIVE", await server.Db.ScalarAsync<string>($"SELECT trading_state FROM users WHERE user_id = '{kit.User.UserId}'"));
    }

    [Fact]
    public async Task A_query_value_that_does_not_parse_is_a_422_naming_the_parameter()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var cases = new (string Url, string Field, string Message)[]
        {
            ("/api/v1/orders?from=notadate", "from", Instant),
            ("/api/v1/orders?accountId=xyz", "accountId", Uuid),
            ("/api/v1/orders?page=99999999999", "page", "must be a whole number from -2147483648 to 2147483647."),
            ($"/api/v1/accounts/{kit.AccountId}/balances?limit=abc", "limit", "must be a whole number from -2147483648 to 2147483647."),
            ($"/api/v1/accounts/{kit.AccountId}/positions?includeClosed=maybe", "includeClosed", "must be true or false."),
            ("/api/v1/portfolio/activity?since=garbage", "since", Instant),
            ("/api/v1/symbols/ACME/session?at=soon", "at", Instant),
        };

        foreach (var (url, field, message) in cases)
        {
            var problem = await Problems.AssertProblemAsync(await kit.Client.GetAsync(url, Ct), HttpStatusCode.UnprocessableEntity, "validation");
            Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray());
            Assert.Equal($"{field}: {message}", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_no_body_is_a_400_saying_so()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);

        async Task<string?> Detail(string body)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var problem = await Problems.AssertProblemAsync(await kit.Client.PostAsync("/api/v1/orders", content, Ct), HttpStatusCode.BadRequest, "bad-request");
            return problem.GetProperty("detail").GetString();
        }

        // {"quantity": ten}: the reader, expecting true after the 't' (byte 14), gives up at the 'e' (byte 15).
        Assert.Equal("The request body is not valid JSON (line 1, byte 15).", await Detail("""{"quantity": ten}"""));
        Assert.Equal("The request body must be a JSON object.", await Detail("[1, 2]"));
        Assert.Equal("The request needs a JSON body (Content-Type: application/json).", await Detail(""));
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM orders"));

        // The placed order still works, so the answers above were about the input alone.
        var placed = await kit.Client.PostAsJsonAsync("/api/v1/orders",
            new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 10, timeInForce = "GTC" }, Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal("NEW", (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }
}
