using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Strategies;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Server;

/// <summary>
/// The demo as a new user meets it: <c>orchestrator serve</c> (a real process) on a fresh SQLite file creates the
/// demo user, a $100,000 paper account and one running strategy, prints the password once, and trades the replayed
/// synthetic bars within a minute; a database that has a user is never given demo data again.
/// </summary>
public sealed class DemoTests
{
    private const string DemoEmail = "demo@orchestrator.local";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_database_gets_the_demo_user_whose_strategy_signals_and_fills_within_a_minute()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = await ServerProcess.StartWithDemoAsync(db);
        var listening = DateTime.UtcNow;

        await AssertOneDemoAsync(db);
        var (strategyId, accountId) = await WaitUntilRunningAsync(db, server);

        // The printed password logs the demo user in.
        var password = PrintedPassword(server.RecentOutput);
        using var http = server.Client();
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoEmail, password }, Ct);
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync(Ct));

        // The replay at 60x gives the 5/20 crossover a bar a second per symbol: a signal and a fill within the minute.
        long signals = 0, filled = 0;
        while (DateTime.UtcNow - listening < TimeSpan.FromSeconds(60) && (signals == 0 || filled == 0))
        {
            await Task.Delay(1000, Ct);
            await using var context = db.CreateContext();
            signals = await context.TradingSignals.LongCountAsync(s => s.StrategyId == strategyId, Ct);
            filled = await context.Orders.LongCountAsync(o => o.AccountId == accountId && o.Status == "FILLED" && o.StrategyId == strategyId, Ct);
        }

        Assert.True(signals > 0 && filled > 0,
            $"after {(DateTime.UtcNow - listening).TotalSeconds:0} s: {signals} signal(s), {filled} filled order(s){Environment.NewLine}{server.RecentOutput}");
    }

    [Fact]
    public async Task A_second_start_creates_nothing_more_and_prints_no_password()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var first = await ServerProcess.StartWithDemoAsync(db))
        {
            await AssertOneDemoAsync(db);
            await WaitUntilRunningAsync(db, first);
            Assert.Contains(DemoEmail, first.RecentOutput, StringComparison.Ordinal);
        }

        await using var second = await ServerProcess.StartWithDemoAsync(db);
        await AssertOneDemoAsync(db);
        await WaitUntilRunningAsync(db, second); // the runner takes the stored strategy up again
        Assert.DoesNotContain("password", second.RecentOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task No_demo_creates_no_user_and_a_database_with_a_user_gets_no_demo()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var server = await ServerProcess.StartAsync(db)) // serve --no-demo
        {
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
            using var http = server.Client();
            var registered = await http.PostAsJsonAsync("/api/v1/auth/register",
                new { email = "first@example.com", password = "correct horse battery staple", firstName = "F", lastName = "U" }, Ct);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        // The synthetic universe is loaded (the database has no symbols), but a database with a user gets no demo user.
        await using var again = await ServerProcess.StartWithDemoAsync(db);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT COUNT(*) FROM users WHERE email = '{DemoEmail}'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM user_strategies"));
        Assert.DoesNotContain(DemoEmail, again.RecentOutput, StringComparison.Ordinal);
    }

    /// <summary>Exactly one user (the demo's), one paper account with 100,000 cash, one active strategy on three synthetic symbols.</summary>
    private static async Task AssertOneDemoAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var user = await context.Users.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(DemoEmail, user.Email);
        Assert.Equal(5_000m, user.MaxDailyLoss);
        var account = await context.UserBrokerAccounts.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(user.UserId, account.UserId);
        Assert.Equal("paper", account.BrokerId);
        var cash = await context.AccountBalances.AsNoTracking().Where(b => b.AccountId == account.AccountId).OrderBy(b => b.RecordedAt).Select(b => b.CashBalance).FirstAsync(Ct);
        Assert.Equal(100_000m, cash);
        var strategy = await context.Strategies.AsNoTracking().SingleAsync(Ct);
        var instance = await context.UserStrategies.AsNoTracking().SingleAsync(Ct);
        var config = await context.StrategyConfigs.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(user.UserId, strategy.UserId);
        Assert.True(strategy.IsActive);
        Assert.True(instance.IsActive);
        Assert.True(config.IsActive);
        Assert.Equal(account.AccountId, instance.AccountId);
        StrategyKit.AssertJson("""["SYN001","SYN002","SYN003"]""", instance.Symbols);
        var averages = StrategyKit.Json(strategy.Parameters)["moving_averages"]!;
        Assert.Equal(5, averages["short_period"]!.GetValue<int>());
        Assert.Equal(20, averages["long_period"]!.GetValue<int>());
        var profile = await context.RiskProfiles.AsNoTracking().SingleAsync(p => p.UserId == user.UserId && p.IsActive, Ct);
        Assert.Equal(5_000m, profile.MaxDailyLoss);
        Assert.Equal(0m, profile.DefaultStopLossPercentage);
        Assert.False(profile.TrailingStopEnabled);
    }

    /// <summary>Waits (10 s at most) for the runner to take the demo strategy up; returns its id and account.</summary>
    private static async Task<(Guid StrategyId, Guid AccountId)> WaitUntilRunningAsync(TestDatabase db, ServerProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var context = db.CreateContext();
            var instance = await context.UserStrategies.AsNoTracking().SingleAsync(Ct);
            if (instance.RunState == "RUNNING")
            {
                return (instance.UserStrategyId, instance.AccountId!.Value);
            }

            Assert.True(DateTime.UtcNow < deadline, $"run_state {instance.RunState} ({instance.RunStateReason}){Environment.NewLine}{server.RecentOutput}");
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>The password of the banner's "  password   XXXX   (shown only now...)" line.</summary>
    private static string PrintedPassword(string output)
    {
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith("password ", StringComparison.Ordinal));
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    }
}
