using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Server.Trading;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>
/// One process runs trading on a database (<see cref="Orchestrator.Server.Trading.TradingOwnership"/>): a second server
/// on it is a standby that answers reads, refuses trading with a 503 and stores nothing, and takes over with the
/// first's book when the first stops; <c>serve</c> and <c>run</c> refuse to start beside a holder and name it.
/// </summary>
public sealed class TradingOwnershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_server_trades_nothing_until_the_first_stops_then_takes_over_its_book(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = await ApiServer.StartAsync(db, ownsDatabase: false);
        await using var second = await ApiServer.StartAsync(db, ownsDatabase: false);
        var kit = await TradingKit.StartAsync(first);
        using var standby = second.Client(bearer: kit.User.AccessToken);
        Guid resting;
        try
        {
            // The standby refuses trading: an order, the kill switch. 503 with its reason, and nothing stored.
            var refused = await standby.PostAsJsonAsync("/api/v1/orders", Limit(kit, "on-standby"), Ct);
            await AssertTradingUnavailableAsync(refused);
            await AssertTradingUnavailableAsync(await standby.PutAsJsonAsync("/api/v1/risk/state", new { state = "HALTED", reason = "from the standby" }, Ct));
            // So does a change of the risk settings the trading server's writers enforce: a profile, the daily loss limit.
            await AssertTradingUnavailableAsync(await standby.PostAsJsonAsync("/api/v1/risk/profiles", new { profileName = "From the standby" }, Ct));
            await AssertTradingUnavailableAsync(await standby.PatchAsJsonAsync("/api/v1/me", new { maxDailyLoss = 1 }, Ct));
            await using (var rows = db.CreateContext())
            {
                Assert.Equal(0, await rows.Orders.CountAsync(Ct));
                var user = await rows.Users.AsNoTracking().SingleAsync(u => u.UserId == kit.User.UserId, Ct);
                Assert.Equal("ACTIVE", user.TradingState);
                Assert.NotEqual(1m, user.MaxDailyLoss);
                Assert.False(await rows.RiskProfiles.AnyAsync(p => p.ProfileName == "From the standby", Ct));
            }

            // Both are healthy; the health report says which one trades.
            Assert.Equal("running", await TradingHealthAsync(first));
            Assert.Equal("waiting", await TradingHealthAsync(second));

            // It answers reads: the account the first server created.
            var accounts = await standby.GetFromJsonAsync<JsonElement>("/api/v1/accounts", Ct);
            Assert.Equal(kit.AccountId, Assert.Single(accounts.EnumerateArray()).GetProperty("accountId").GetGuid());

            // The first trades: a limit order far from any price rests in its book.
            var placed = await kit.PlaceAsync(Limit(kit, "on-first"));
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            resting = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid();
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The standby retries every 2 s: it takes the lease, restores the book from the database and trades.
        var clock = Stopwatch.StartNew();
        HttpResponseMessage taken;
        while ((taken = await standby.PostAsJsonAsync("/api/v1/orders", Limit(kit, "after-takeover"), Ct)).StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the standby never took over");
            await Task.Delay(200, Ct);
        }

        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal("running", await TradingHealthAsync(second));
        // The first's resting order is in the new holder's book: cancelling it there commits the cancellation.
        Assert.Equal(HttpStatusCode.OK, (await standby.DeleteAsync($"/api/v1/orders/{resting}", Ct)).StatusCode);
        var cancelled = await standby.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{resting}", Ct);
        Assert.Equal("CANCELLED", cancelled.GetProperty("status").GetString());
    }

    [Fact]
    public async Task On_postgres_a_server_whose_lease_session_ends_stops_trading_and_shuts_down()
    {
        await using var server = await ApiServer.StartAsync(DatabaseProvider.Postgres);
        Assert.Equal("running", await TradingHealthAsync(server));
        var lifetime = server.App.Services.GetRequiredService<IHostApplicationLifetime>();

        // The lease's session ends under the server (a database restart, a dropped connection, an operator).
        await using (var connection = await server.Db.Connections.OpenAsync(Ct))
        {
            await using var terminate = connection.CreateCommand();
            terminate.CommandText = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + $"WHERE application_name LIKE 'orchestrator pid {Environment.ProcessId} on %' AND datname = current_database()";
            Assert.Equal(1L, await terminate.ExecuteScalarAsync(Ct));
        }

        // Within the watch's 5 s (plus a tick): trading refused, the health report says lost, the host stops.
        var clock = Stopwatch.StartNew();
        while (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "the server never noticed it lost its lease");
            await Task.Delay(100, Ct);
        }

        var ownership = server.App.Services.GetRequiredService<TradingOwnership>();
        Assert.False(ownership.IsHeld);
        var refused = Assert.Throws<TradingNotReadyException>(ownership.EnsureHeld);
        Assert.Equal("Trading stopped on this server: it lost its claim on the database's trading. Try again shortly.", refused.Message);
    }

    [Fact]
    public async Task Serve_refuses_to_start_beside_a_server_that_runs_trading_naming_the_holder_and_changing_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        var before = await CountUsersAsync(server.Db);

        // --no-demo aside, a fresh serve would load the demo; it must not even get that far.
        var refused = await CliRunner.RunAsync(["serve", "--urls", "http://127.0.0.1:0", .. server.Db.Switches]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(
            $"orchestrator: another orchestrator process runs trading on this database (orchestrator pid {Environment.ProcessId} on {Environment.MachineName}, since ",
            refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("stop it first, or point this one at another database", refused.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, await CountUsersAsync(server.Db));
    }

    private static async Task<string?> TradingHealthAsync(ApiServer server)
    {
        using var client = server.Client();
        var health = await client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        return (await health.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("trading").GetString();
    }

    private static async Task<int> CountUsersAsync(TestDatabase db)
    {
        await using var rows = db.CreateContext();
        return await rows.Users.CountAsync(Ct);
    }

    private static async Task AssertTradingUnavailableAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("https://orchestrator.dev/problems/trading-unavailable", problem.GetProperty("type").GetString());
        Assert.Equal(
            "Trading is starting: the paper exchange is waiting for the database, or for another server on it to stop trading. Try again shortly.",
            problem.GetProperty("detail").GetString());
    }

    private static object Limit(TradingKit kit, string clientOrderId) => new
    {
        accountId = kit.AccountId, clientOrderId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 2, limitPrice = 10.5m, timeInForce = "GTC",
    };
}
