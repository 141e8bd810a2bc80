using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>The seed's corrected reports, and the paper exchange's book surviving a restart.</summary>
public sealed class PortfolioAndRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Portfolio_summary_counts_each_accounts_latest_cash_once()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, initialCash: 50_000m);
        var second = await kit.Client.PostAsJsonAsync("/api/v1/accounts", new { brokerId = "paper", accountName = "Second", initialCash = 20_000m }, Ct);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        await kit.BarAsync("AAA", 10m, 10m, 10m, 10m, 1_000_000);
        await kit.BarAsync("BBB", 20m, 20m, 20m, 20m, 1_000_000);
        foreach (var (symbol, quantity) in new[] { ("AAA", 100), ("BBB", 50) })
        {
            Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(new { accountId = kit.AccountId, symbol, side = "BUY", orderType = "MARKET", quantity })).StatusCode);
        }

        // The first account now has three balance snapshots (create, two fills) and two positions: the seed's join
        // would have counted its cash 3 x 2 times. Latest cash: 50,000 - 1,000 - 1 - 1,000 - 1 = 47,998;
        // the second account's 20,000 is counted once: 67,998. Positions: 100 x 10 + 50 x 20 = 2,000.
        var summary = await kit.GetAsync("/api/v1/portfolio/summary");
        Assert.Equal(2, summary.GetProperty("brokerAccounts").GetInt32());
        Assert.Equal(67_998m, summary.GetProperty("totalCash").GetDecimal());
        Assert.Equal(2_000m, summary.GetProperty("portfolioValue").GetDecimal());
        Assert.Equal(2, summary.GetProperty("openPositions").GetInt32());
        // Equity is cash plus positions: the first account 47,998 + 2,000 = 49,998, the second 20,000; 69,998 in all.
        Assert.Equal(69_998m, summary.GetProperty("totalEquity").GetDecimal());
        Assert.Equal([49_998m, 20_000m], summary.GetProperty("accounts").EnumerateArray()
            .OrderByDescending(a => a.GetProperty("equity").GetDecimal()).Select(a => a.GetProperty("equity").GetDecimal()).ToArray());

        var activity = (await kit.GetAsync("/api/v1/portfolio/activity")).EnumerateArray().ToList();
        Assert.Equal(["BBB", "AAA"], activity.Select(a => a.GetProperty("symbol").GetString()).ToArray());
        Assert.All(activity, a => Assert.Equal("Paper trading (simulated exchange)", a.GetProperty("brokerName").GetString()));
        Assert.Empty((await kit.GetAsync($"/api/v1/portfolio/activity?since={DateTimeOffset.UtcNow.AddMinutes(5):O}".Replace("+", "%2B", StringComparison.Ordinal))).EnumerateArray());
    }

    [Fact]
    public async Task Strategy_performance_reaches_executions_through_their_signals()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        await kit.BarAsync("AAA", 10m, 10m, 10m, 10m, 1_000_000);
        var orderIds = new List<(Guid Id, DateTime SubmittedAt)>();
        for (var i = 0; i < 4; i++)
        {
            var placed = await (await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "AAA", side = "BUY", orderType = "MARKET", quantity = 1 })).Content.ReadFromJsonAsync<JsonElement>(Ct);
            orderIds.Add((placed.GetProperty("orderId").GetGuid(), placed.GetProperty("submittedAt").GetDateTime()));
        }

        await using (var db = server.Db.CreateContext())
        {
            var strategy = new Strategy { UserId = kit.User.UserId, StrategyName = "Cross", StrategyType = "MOMENTUM", IsActive = true };
            var signal = new TradingSignal { StrategyId = strategy.StrategyId, Symbol = "AAA", SignalType = "BUY" };
            db.AddRange(strategy, signal);
            // Four executions: an entry (no P&L) and three closed trades: +30, -10, +5. Total 25, best 30, worst -10;
            // win rate over the closed trades 2/3 (the seed's formula, over all four executions, said 2/4).
            foreach (var ((id, at), pnl) in orderIds.Zip(new decimal?[] { null, 30m, -10m, 5m }))
            {
                db.Add(new StrategyExecution { SignalId = signal.SignalId, OrderId = id, OrderSubmittedAt = at, ExecutionType = "ENTRY", ExecutionPrice = 10m, ExecutionQuantity = 1m, Pnl = pnl });
            }

            await db.SaveChangesAsync(Ct);
        }

        var row = Assert.Single((await kit.GetAsync("/api/v1/strategies/performance")).EnumerateArray());
        Assert.Equal("Cross", row.GetProperty("strategyName").GetString());
        Assert.Equal((4, 3), (row.GetProperty("totalExecutions").GetInt32(), row.GetProperty("closedTrades").GetInt32()));
        Assert.Equal(25m, row.GetProperty("totalPnl").GetDecimal());
        Assert.Equal(2m / 3m, row.GetProperty("winRate").GetDecimal());
        Assert.Equal(30m, row.GetProperty("bestTrade").GetDecimal());
        Assert.Equal(-10m, row.GetProperty("worstTrade").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_resting_order_survives_a_restart_and_fills_on_the_next_bar(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Guid orderId;
        TestUser user;
        Guid accountId;
        await using (var first = await ApiServer.StartAsync(db, ownsDatabase: false))
        {
            var kit = await TradingKit.StartAsync(first);
            (user, accountId) = (kit.User, kit.AccountId);
            var placed = await kit.PlaceAsync(new { accountId, clientOrderId = "keep", symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 10, limitPrice = 100, timeInForce = "GTC" });
            orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid();
        }

        await using var second = await ApiServer.StartAsync(db, ownsDatabase: false);
        var again = new TradingKit(second, user, second.Client(bearer: user.AccessToken), accountId);
        // Re-sending after the restart still finds the original.
        var resent = await again.PlaceAsync(new { accountId, clientOrderId = "keep", symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 10, limitPrice = 100, timeInForce = "GTC" });
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(orderId, (await resent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid());

        await again.BarAsync("ACME", 99m, 99m, 98m, 99m, 1_000);
        var filled = await again.WaitForOrderAsync(orderId, "FILLED");
        Assert.Equal(99m, filled.GetProperty("averageFillPrice").GetDecimal());
        // Its reservation was rebuilt too: 100,000 - 990 - 1 = 99,009 cash, nothing reserved any more.
        var balance = (await again.GetAsync($"/api/v1/accounts/{accountId}/balances")).EnumerateArray().First();
        Assert.Equal(99_009m, balance.GetProperty("cashBalance").GetDecimal());
    }
}
