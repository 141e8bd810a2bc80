using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>Broker accounts: the catalog, create/list/update/connect/delete, and credentials that never come back.</summary>
public sealed class AccountsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_catalog_lists_the_paper_broker()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var brokers = await kit.GetAsync("/api/v1/brokers");
        var paper = Assert.Single(brokers.EnumerateArray());
        Assert.Equal("paper", paper.GetProperty("brokerId").GetString());
        Assert.Equal("EQUITY", paper.GetProperty("brokerType").GetString());
        Assert.True(paper.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Credentials_are_encrypted_at_rest_under_a_key_id_and_never_returned()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("creds@example.com");
        using var client = server.Client(bearer: user.AccessToken);
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new
        {
            brokerId = "paper", accountName = "Keys", credentials = new { apiKey = "AKIA-PLAINTEXT-KEY", apiSecret = "s3cr3t-PLAINTEXT" },
        }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("PLAINTEXT", text, StringComparison.Ordinal);
        var created = JsonDocument.Parse(text).RootElement;
        Assert.True(created.GetProperty("hasCredentials").GetBoolean());
        Assert.False(created.TryGetProperty("encryptedCredentials", out _));
        var accountId = created.GetProperty("accountId").GetGuid();

        await using var db = server.Db.CreateContext();
        var blob = (await db.UserBrokerAccounts.SingleAsync(a => a.AccountId == accountId, Ct)).EncryptedCredentials!;
        // [version 1][key id length][key id "k1"][12-byte nonce][16-byte tag][ciphertext]: no plaintext inside.
        Assert.Equal(1, blob[0]);
        Assert.Equal("k1", Encoding.ASCII.GetString(blob, 2, blob[1]));
        Assert.DoesNotContain("PLAINTEXT", Encoding.UTF8.GetString(blob), StringComparison.Ordinal);
        // The audit row records the change without the secret.
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "BROKER_ACCOUNT_CREATED" && a.ResourceId == accountId.ToString(), Ct);
        Assert.DoesNotContain("PLAINTEXT", audit.NewValues ?? string.Empty, StringComparison.Ordinal);

        var listed = await client.GetStringAsync("/api/v1/accounts", Ct);
        Assert.DoesNotContain("PLAINTEXT", listed, StringComparison.Ordinal);
        Assert.Contains(accountId.ToString(), listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_validates_every_field_and_refuses_a_duplicate_broker_account_id()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var bad = await kit.Client.PostAsJsonAsync("/api/v1/accounts", new
        {
            brokerId = "nyse-direct", currency = "usd", maxPositionSize = -5, allowedSymbols = new[] { "ok", "not a symbol" },
        }, Ct);
        var problem = await Problems.AssertProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "validation");
        var errors = problem.GetProperty("errors");
        Assert.Equal(["allowedSymbols", "brokerAccountId", "brokerId", "currency", "maxPositionSize"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());

        var first = await kit.Client.PostAsJsonAsync("/api/v1/accounts", new { brokerId = "paper", brokerAccountId = "DU-1" }, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await kit.Client.PostAsJsonAsync("/api/v1/accounts", new { brokerId = "paper", brokerAccountId = "DU-1" }, Ct);
        await Problems.AssertProblemAsync(again, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Patch_changes_limits_null_removes_one_and_a_wrong_type_changes_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, limits: new { maxPositionSize = 5000m, maxDailyVolume = 20000m });
        var path = $"/api/v1/accounts/{kit.AccountId}";

        var wrong = await kit.Client.PatchAsJsonAsync(path, new { maxDailyVolume = "lots", accountName = "Renamed" }, Ct);
        var problem = await Problems.AssertProblemAsync(wrong, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("maxDailyVolume", out _));
        Assert.Equal("Paper", (await kit.GetAsync(path)).GetProperty("accountName").GetString());

        var patched = await kit.Client.PatchAsJsonAsync(path, new { maxPositionSize = (decimal?)null, allowedSymbols = new[] { "acme", "BRK.B" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var account = await kit.GetAsync(path);
        Assert.Equal(JsonValueKind.Null, account.GetProperty("maxPositionSize").ValueKind);
        Assert.Equal(20000m, account.GetProperty("maxDailyVolume").GetDecimal());
        Assert.Equal(["ACME", "BRK.B"], account.GetProperty("allowedSymbols").EnumerateArray().Select(s => s.GetString()).ToArray());

        // The writer took the new list: a symbol outside it is now refused.
        var refused = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "XYZ", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 10, timeInForce = "GTC" });
        var rejection = await Problems.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal("allowed_symbols", rejection.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task Another_users_account_is_not_found_anywhere()
    {
        await using var server = await ApiServer.StartAsync();
        var owner = await TradingKit.StartAsync(server, "owner@example.com");
        var other = await TradingKit.StartAsync(server, "other@example.com");
        var path = $"/api/v1/accounts/{owner.AccountId}";

        await Problems.AssertProblemAsync(await other.Client.GetAsync(path, Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.Client.PatchAsJsonAsync(path, new { accountName = "mine" }, Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.Client.DeleteAsync(path, Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.Client.GetAsync(path + "/positions", Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.Client.GetAsync(path + "/balances", Ct), HttpStatusCode.NotFound, "not-found");
        var order = await other.PlaceAsync(new { accountId = owner.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 10 });
        await Problems.AssertProblemAsync(order, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("Paper", (await owner.GetAsync(path)).GetProperty("accountName").GetString());
    }

    [Fact]
    public async Task Disconnect_stops_orders_connect_allows_them_and_delete_cancels_working_orders()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var path = $"/api/v1/accounts/{kit.AccountId}";
        var order = new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 10, timeInForce = "GTC" };

        Assert.Equal(HttpStatusCode.OK, (await kit.Client.PostAsync(path + "/disconnect", null, Ct)).StatusCode);
        Assert.False((await kit.GetAsync(path)).GetProperty("isConnected").GetBoolean());
        await Problems.AssertProblemAsync(await kit.PlaceAsync(order), HttpStatusCode.Conflict, "conflict");

        Assert.Equal(HttpStatusCode.OK, (await kit.Client.PostAsync(path + "/connect", null, Ct)).StatusCode);
        var placed = await kit.PlaceAsync(order);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await kit.Client.DeleteAsync(path, Ct)).StatusCode);
        Assert.Equal("CANCELLED", (await kit.GetAsync($"/api/v1/orders/{orderId}")).GetProperty("status").GetString());
        Assert.Empty((await kit.GetAsync("/api/v1/accounts")).EnumerateArray());
        await Problems.AssertProblemAsync(await kit.Client.GetAsync(path, Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await kit.PlaceAsync(order), HttpStatusCode.NotFound, "not-found");

        await using var db = server.Db.CreateContext();
        var actions = await db.AuditLog.Where(a => a.ResourceId == kit.AccountId.ToString()).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["BROKER_ACCOUNT_CONNECTED", "BROKER_ACCOUNT_CREATED", "BROKER_ACCOUNT_DELETED", "BROKER_ACCOUNT_DISCONNECTED"], actions.Order(StringComparer.Ordinal).ToArray());
    }
}
