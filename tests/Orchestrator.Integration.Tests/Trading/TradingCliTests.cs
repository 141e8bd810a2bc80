using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary><c>orchestrator keys</c> and <c>orchestrator orders</c>, run as real processes.</summary>
public sealed class TradingCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_rotate_re_encrypts_credentials_under_a_new_key_that_the_server_can_read()
    {
        await using var data = await TestDatabase.CreateAsync(Storage.Configuration.DatabaseProvider.Sqlite);
        var server = await ApiServer.StartAsync(data, ownsDatabase: false);
        var kit = await TradingKit.StartAsync(server);
        var created = await kit.Client.PostAsJsonAsync("/api/v1/accounts", new { brokerId = "paper", brokerAccountId = "WITH-KEYS", credentials = new { apiKey = "k", apiSecret = "s" } }, Ct);
        var accountId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accountId").GetGuid();

        var rotated = await CliRunner.RunAsync(["keys", "rotate", .. server.Db.Switches]);
        Assert.True(rotated.ExitCode == 0, rotated.StandardError);
        Assert.Contains("1 of 1 accounts with credentials re-encrypted under key k2", rotated.StandardOutput, StringComparison.Ordinal);

        await using var db = server.Db.CreateContext();
        var blob = (await db.UserBrokerAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId, Ct)).EncryptedCredentials!;
        Assert.Equal("k2", Encoding.ASCII.GetString(blob, 2, blob[1]));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "BROKER_CREDENTIALS_REENCRYPTED" && a.ResourceId == accountId.ToString(), Ct));

        // With the key file, each rotation adds a key: k3 now, and the row moves again.
        var rerun = await CliRunner.RunAsync(["keys", "rotate", .. server.Db.Switches]);
        Assert.Contains("1 of 1 accounts with credentials re-encrypted under key k3", rerun.StandardOutput, StringComparison.Ordinal);

        // A fresh server (the first stopped: one server trades on a database) reads the key file with all three keys and
        // decrypts the rotated row (connect needs the credentials).
        await server.DisposeAsync();
        await using var restarted = await ApiServer.StartAsync(data, ownsDatabase: false);
        using var client = restarted.Client(bearer: kit.User.AccessToken);
        var connect = await client.PostAsync($"/api/v1/accounts/{accountId}/connect", null, Ct);
        Assert.Equal(HttpStatusCode.OK, connect.StatusCode);
    }

    [Fact]
    public async Task Orders_place_list_and_cancel_through_the_api_with_exit_codes()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var (_, key) = await server.CreateKeyAsync(kit.User, new { name = "cli", canRead = true, canWrite = true, canTrade = true });
        string[] connection = ["--url", server.BaseAddress.ToString(), "--api-key", key];

        var placed = await CliRunner.RunAsync(["orders", "place", "--account", kit.AccountId.ToString(), "--symbol", "ACME", "--side", "buy",
            "--type", "limit", "--quantity", "2", "--limit-price", "10.5", "--tif", "gtc", "--client-order-id", "cli-1", .. connection]);
        Assert.True(placed.ExitCode == 0, placed.StandardError);
        var order = JsonDocument.Parse(placed.StandardOutput).RootElement;
        Assert.Equal("NEW", order.GetProperty("status").GetString());
        Assert.Equal(10.5m, order.GetProperty("limitPrice").GetDecimal());
        var orderId = order.GetProperty("orderId").GetGuid();

        var listed = await CliRunner.RunAsync(["orders", "list", "--status", "NEW", .. connection]);
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal(orderId, JsonDocument.Parse(listed.StandardOutput).RootElement.GetProperty("items")[0].GetProperty("orderId").GetGuid());

        var cancelled = await CliRunner.RunAsync(["orders", "cancel", orderId.ToString(), .. connection]);
        Assert.Equal(0, cancelled.ExitCode);
        Assert.Equal("CANCELLED", JsonDocument.Parse(cancelled.StandardOutput).RootElement.GetProperty("status").GetString());

        // A refused request names the problem and exits 2; nothing is placed.
        var bad = await CliRunner.RunAsync(["orders", "place", "--account", kit.AccountId.ToString(), "--symbol", "ACME", "--side", "HOLD", "--quantity", "1", .. connection]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("422: side: must be BUY or SELL.", bad.StandardError, StringComparison.Ordinal);
        var missingKey = await CliRunner.RunAsync(["orders", "list", "--url", server.BaseAddress.ToString()]);
        Assert.Equal(2, missingKey.ExitCode);
        Assert.Contains("--api-key", missingKey.StandardError, StringComparison.Ordinal);
        await using var db = server.Db.CreateContext();
        Assert.Equal(1, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task The_api_key_in_the_environment_is_used_but_never_printed_by_help()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var (_, key) = await server.CreateKeyAsync(kit.User, new { name = "env", canRead = true });
        var environment = new Dictionary<string, string>
        {
            ["ORCHESTRATOR_API_KEY"] = key,
            ["ORCHESTRATOR_URL"] = server.BaseAddress.ToString(),
        };

        var listed = await CliRunner.RunWithEnvironmentAsync(environment, "orders", "list");
        Assert.True(listed.ExitCode == 0, listed.StandardError);

        // The options' defaults came from the environment, and help printed them: "[default: dto_...]".
        string[][] helps = [["orders", "place", "--help"], ["orders", "list", "--help"], ["strategies", "start", "--help"], ["risk", "state", "--help"]];
        foreach (var help in helps)
        {
            var output = await CliRunner.RunWithEnvironmentAsync(environment, help);
            Assert.Equal(0, output.ExitCode);
            Assert.Contains("$ORCHESTRATOR_API_KEY", output.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain(key, output.StandardOutput + output.StandardError, StringComparison.Ordinal);
        }
    }
}
