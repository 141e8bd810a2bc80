using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>
/// The durability promise of the order API under a crash: the real server, as a child process on PostgreSQL,
/// is SIGKILLed while 1,000 orders are in flight. An order the server acknowledged (201) must survive the
/// crash exactly once, with books that agree with its fills, and re-sending it must find it, not place it again.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int AccountCount = 10;
    private const int OrderCount = 1_000;
    private const int KillAfterAcks = 300;
    private const decimal StartingCash = 1_000_000m;
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Acknowledged_orders_survive_a_sigkill_exactly_once_and_the_books_match_their_fills()
    {
        TestEnvironment.Require(TestEnvironment.PostgresVariable, "PostgreSQL");
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        await SeedBarsAsync(db);

        List<CrashOrder> orders;
        var acked = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        var others = new ConcurrentBag<string>();
        int acks = 0, rejected = 0, failed = 0;
        string key;
        await using (var first = await ServerProcess.StartAsync(db))
        {
            using var http = first.Client();
            key = await CreateTraderKeyAsync(http, ct);
            http.DefaultRequestHeaders.Add("X-API-Key", key);
            var accounts = await CreateAccountsAsync(http, ct);
            orders = CrashOrder.Mix(accounts, OrderCount);

            // All 1,000 at once; the 300th acknowledgement pulls the plug while the rest are queued or in a batch.
            await Task.WhenAll(orders.Select(async order =>
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(order.Body) };
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        // The Location header names the order: the acknowledgement needs nothing of the body.
                        acked[order.ClientOrderId] = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
                        if (Interlocked.Increment(ref acks) == KillAfterAcks)
                        {
                            first.Kill();
                        }
                    }
                    else if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
                    {
                        Interlocked.Increment(ref rejected);
                    }
                    else
                    {
                        others.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
            if (!first.HasExited)
            {
                first.Kill();
            }

            await first.WaitForExitAsync();
        }

        var accountIds = orders.Select(o => o.AccountId).Distinct().ToList();
        await using var second = await ServerProcess.StartAsync(db);
        var before = await CrashLedger.ReadAsync(db);
        var byClientId = before.Orders.Where(o => o.ClientOrderId is not null).ToLookup(o => o.ClientOrderId!, StringComparer.Ordinal);
        var lost = acked.Keys.Count(id => !byClientId.Contains(id));
        Report($"Crash test: {orders.Count} sent, {acked.Count} acknowledged (201), {rejected} rejected (422), {failed} cut off by the kill, {others.Count} other answers; "
            + $"{before.Orders.Count} orders stored ({before.Orders.Count - acked.Count} committed but never acknowledged), {lost} acknowledged orders lost; "
            + $"{before.Fills.Count} fills, {before.Orders.Count(o => o.Status == "NEW")} resting after the restart.");
        foreach (var answer in others.GroupBy(a => a.Split(' ')[0]))
        {
            Report($"  {answer.Count()} x {answer.First()}");
        }

        // Every acknowledged order: one row, the acknowledged id, and its idempotency claim pointing at it.
        Assert.True(acked.Count >= KillAfterAcks, $"only {acked.Count} acknowledgements before the kill:{Environment.NewLine}{second.RecentOutput}");
        Assert.Equal(0, lost);
        var claims = before.Claims.ToDictionary(c => (c.AccountId, c.ClientOrderId));
        foreach (var (clientId, orderId) in acked)
        {
            var row = Assert.Single(byClientId[clientId]);
            Assert.Equal(orderId, row.OrderId);
            Assert.Equal(orderId, claims[(row.AccountId, clientId)].OrderId);
        }

        // Nothing stored twice or without its claim, acknowledged or not.
        Assert.All(byClientId, group => Assert.Single(group));
        Assert.Equal(before.Orders.Count, before.Claims.Count);
        Assert.All(before.Orders, o => Assert.Equal(o.OrderId, claims[(o.AccountId, o.ClientOrderId!)].OrderId));
        Assert.Empty(before.Discrepancies(accountIds, StartingCash));

        // Re-sent after the restart, each acknowledged order is found (200, same id), never placed again.
        using var client = second.Client();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        var resent = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(orders.Where(o => acked.ContainsKey(o.ClientOrderId)), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (order, token) =>
        {
            using var response = await client.PostAsJsonAsync("/api/v1/orders", order.Body, token);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(token);
            if (response.StatusCode != HttpStatusCode.OK || body.GetProperty("orderId").GetGuid() != acked[order.ClientOrderId])
            {
                resent.Add($"{order.ClientOrderId}: {(int)response.StatusCode} {body}");
            }
        });
        Assert.Empty(resent);

        var after = await CrashLedger.ReadAsync(db);
        Assert.Equal(before.Orders.Count, after.Orders.Count);
        Assert.Equal(before.Fills.Count, after.Fills.Count);
        Assert.Empty(after.Discrepancies(accountIds, StartingCash));
        Report($"Crash test: all {acked.Count} acknowledged orders re-sent after the restart answered 200 with their original id; no order or fill was added.");

        // The restarted server trades on from the recovered books: a market order per account fills, and they still add up.
        foreach (var account in accountIds)
        {
            var order = new CrashOrder(account, $"after-{account:N}", "ACME", "BUY", "MARKET", 3, null);
            using var response = await client.PostAsJsonAsync("/api/v1/orders", order.Body, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        }

        var traded = await CrashLedger.ReadAsync(db);
        Assert.Equal(after.Fills.Count + accountIds.Count, traded.Fills.Count);
        Assert.Empty(traded.Discrepancies(accountIds, StartingCash));
    }

    /// <summary>
    /// The symbols in the universe (orders refuse others) and a last bar per symbol with a huge volume, so market
    /// orders fill in full at its close from the first start.
    /// </summary>
    private static async Task SeedBarsAsync(TestDatabase db)
    {
        await TestSymbols.AddAsync(db, CrashOrder.Closes.Keys);
        foreach (var (symbol, close) in CrashOrder.Closes)
        {
            var price = close.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await db.ExecuteAsync(
                $"""
                 INSERT INTO market_data_1m (symbol, timestamp, open_price, high_price, low_price, close_price, volume)
                 VALUES ('{symbol}', date_trunc('minute', now()) - interval '1 minute', {price}, {price}, {price}, {price}, 1000000000)
                 """);
        }
    }

    private static async Task<string> CreateTraderKeyAsync(HttpClient http, CancellationToken ct)
    {
        (await http.PostAsJsonAsync("/api/v1/auth/register", new { email = "crash@example.com", password = Password, firstName = "Crash", lastName = "Test" }, ct)).EnsureSuccessStatusCode();
        var login = await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "crash@example.com", password = Password }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys")
        {
            Content = JsonContent.Create(new { name = "crash", canRead = true, canWrite = true, canTrade = true, rateLimitPerHour = 1_000_000 }),
        };
        request.Headers.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        var response = await http.SendAsync(request, ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("key").GetString()!;
    }

    private static async Task<List<Guid>> CreateAccountsAsync(HttpClient http, CancellationToken ct)
    {
        var accounts = new List<Guid>();
        for (var i = 0; i < AccountCount; i++)
        {
            var response = await http.PostAsJsonAsync("/api/v1/accounts", new { brokerId = "paper", accountName = $"Crash {i}", initialCash = StartingCash }, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
            accounts.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accountId").GetGuid());
        }

        return accounts;
    }

    private static void Report(string line)
    {
        Console.WriteLine(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }
}
