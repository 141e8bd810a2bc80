using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Orchestration;

/// <summary>
/// Issue 8's restart test: a running strategy's server, as a child process on PostgreSQL with a replay for its
/// market feed, is SIGKILLed mid-run and started again on the same database with the replay continuing. No signal
/// may get two orders, the books must equal the fills, every fill of a strategy's order (including those of orders
/// restored as working) must have its <c>strategy_executions</c> row, and the strategy must trade on.
/// </summary>
public sealed class StrategyRestartTests
{
    private const decimal StartingCash = 100_000m;
    private const string Password = "correct horse battery staple";
    private const string Symbols = "SYN001,SYN002";

    /// <summary>A minute of bars per second: the 2/5 crossover trades every few seconds.</summary>
    private const int Speed = 60;

    /// <summary>SQL: the client order id of a trading_signals row (StrategySignal.ClientOrderIdOf).</summary>
    private const string ClientIdOfSignal = "'sig-' || replace(s.signal_id::text, '-', '')";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_strategy_killed_mid_run_resumes_without_duplicate_orders_and_its_books_equal_its_fills()
    {
        TestEnvironment.Require(TestEnvironment.PostgresVariable, "PostgreSQL");
        await using var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);

        // Set-up: a synthetic universe (SYN001, SYN002; serve --no-demo seeds none), then on a server with no feed a
        // trader, a paper account, open risk limits and an active 2/5 SMA crossover on two symbols.
        var generated = await CliRunner.RunAsync(["data", "generate", "--symbols", "2", "--days", "2", .. db.Switches]);
        Assert.True(generated.ExitCode == 0, generated.StandardError);
        Guid accountId, strategyId;
        await using (var setup = await ServerProcess.StartAsync(db))
        {
            using var http = setup.Client();
            http.DefaultRequestHeaders.Authorization = new("Bearer", await LoginAsync(http));
            accountId = await CreateAccountAsync(http);
            await OpenRiskLimitsAsync(http);
            strategyId = await CreateStartedStrategyAsync(http, accountId);
        }

        // The replay: the first demo session from its open, a minute per second, anchored to the wall clock so the
        // restarted server continues it. A low participation rate makes orders fill over several bars, so some are
        // still working at the kill and are restored with their signals.
        var from = await db.ScalarAsync<DateTime>("SELECT min(timestamp) FROM market_data_1m WHERE symbol = 'SYN001'");
        var start = new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc));
        var switches = new[]
        {
            $"--Replay:Symbols={Symbols}", $"--Replay:From={start:o}", $"--Replay:To={start.AddMinutes(390):o}",
            $"--Replay:Speed={Speed}", $"--Replay:StartedAt={DateTimeOffset.UtcNow:o}", "--Trading:ParticipationRate=0.002",
            "--Logging:LogLevel:Orchestrator.Server.Trading.BrokerReconciler=Information",
        };

        await using (var first = await ServerProcess.StartAsync(db, switches))
        {
            await WaitUntilAsync(first, "six strategy orders, one of them still working", TimeSpan.FromSeconds(90), async () =>
                await CountAsync(db, "SELECT count(*) FROM orders WHERE client_order_id LIKE 'sig-%'") >= 6
                && await CountAsync(db, "SELECT count(*) FROM orders WHERE client_order_id LIKE 'sig-%' AND status IN ('NEW', 'PARTIALLY_FILLED')") >= 1);
            first.Kill();
            await first.WaitForExitAsync();
        }

        var ordersAtKill = await CountAsync(db, "SELECT count(*) FROM orders WHERE client_order_id LIKE 'sig-%'");
        var workingAtKill = await CountAsync(db, "SELECT count(*) FROM orders WHERE client_order_id LIKE 'sig-%' AND status IN ('NEW', 'PARTIALLY_FILLED')");
        var killed = DateTimeOffset.UtcNow;
        Assert.Empty(await ProblemsAsync(db, accountId));

        string output;
        await using (var second = await ServerProcess.StartAsync(db, switches))
        {
            // The strategy trades on (new signals, new orders), and the restored working orders fill with their executions.
            await WaitUntilAsync(second, "three new signals with orders, and a fill of a restored order", TimeSpan.FromSeconds(90), async () =>
                await CountAsync(db, $"""
                    SELECT count(*) FROM trading_signals s JOIN orders o ON o.client_order_id = {ClientIdOfSignal}
                    WHERE s.created_at > '{killed:o}'
                    """) >= 3
                && await CountAsync(db, $"""
                    SELECT count(*) FROM order_fills f JOIN orders o ON o.order_id = f.order_id
                    WHERE o.client_order_id LIKE 'sig-%' AND o.submitted_at < '{killed:o}' AND f.created_at > '{killed:o}'
                    """) >= 1);
            output = second.RecentOutput;
            second.Kill();
            await second.WaitForExitAsync();
        }

        var ledger = await CrashLedger.ReadAsync(db);
        var orders = await CountAsync(db, "SELECT count(*) FROM orders WHERE client_order_id LIKE 'sig-%'");
        var fills = await CountAsync(db, "SELECT count(*) FROM order_fills f JOIN orders o ON o.order_id = f.order_id WHERE o.client_order_id LIKE 'sig-%'");
        var signalsAfter = await CountAsync(db, $"SELECT count(*) FROM trading_signals s WHERE s.strategy_id = '{strategyId}' AND s.created_at > '{killed:o}'");
        Report($"Strategy restart test: {ordersAtKill} strategy orders at the kill ({workingAtKill} working), {orders} after the restart, "
            + $"{fills} fills, {signalsAfter} signals after the restart.");

        // No signal has two orders, and every strategy order has exactly one signal row.
        Assert.Empty(await db.QueryAsync(
            $"SELECT s.signal_id FROM trading_signals s JOIN orders o ON o.client_order_id = {ClientIdOfSignal} GROUP BY s.signal_id HAVING count(*) > 1",
            r => r.GetGuid(0)));
        Assert.Empty(await db.QueryAsync(
            $"""
             SELECT o.order_id FROM orders o LEFT JOIN trading_signals s ON o.client_order_id = {ClientIdOfSignal}
             WHERE o.client_order_id LIKE 'sig-%' GROUP BY o.order_id HAVING count(s.signal_id) <> 1
             """,
            r => r.GetGuid(0)));
        Assert.Empty(ledger.Orders.Where(o => o.ClientOrderId is not null).GroupBy(o => o.ClientOrderId).Where(g => g.Count() > 1).Select(g => g.Key));

        // Positions equal the signed fills per symbol; cash is the starting cash less the signed notional and commissions.
        Assert.Empty(ledger.Discrepancies([accountId], StartingCash));

        // Every fill of a strategy order has its execution row, those after the restart of restored orders included.
        var restoredFills = await CountAsync(db, $"""
            SELECT count(*) FROM order_fills f JOIN orders o ON o.order_id = f.order_id
            WHERE o.client_order_id LIKE 'sig-%' AND o.submitted_at < '{killed:o}' AND f.created_at > '{killed:o}'
            """);
        Report($"  {restoredFills} fills after the restart of strategy orders placed before the kill");
        var executions = await CountAsync(db, "SELECT count(*) FROM strategy_executions");
        Assert.True(fills == executions, $"{fills} fills of strategy orders but {executions} strategy_executions rows");
        Assert.Empty(await db.QueryAsync(
            """
            SELECT f.order_id FROM order_fills f JOIN orders o ON o.order_id = f.order_id
            WHERE o.client_order_id LIKE 'sig-%'
              AND NOT EXISTS (SELECT 1 FROM strategy_executions e WHERE e.order_id = f.order_id AND e.execution_quantity = f.fill_quantity)
            """,
            r => r.GetGuid(0)));

        // The strategy resumed: RUNNING, with signals after the restart; the paper broker agreed with the books.
        Assert.Equal("RUNNING", await db.ScalarAsync<string>($"SELECT run_state FROM user_strategies WHERE user_strategy_id = '{strategyId}'"));
        Assert.True(signalsAfter >= 3, $"{signalsAfter} signals after the restart");
        Assert.Equal(0, await CountAsync(db, "SELECT count(*) FROM risk_alerts WHERE alert_type = 'RECONCILIATION'"));
        Assert.Contains("Reconciled 1 accounts with their brokers, 0 differences", output, StringComparison.Ordinal);
    }

    /// <summary>Every account's books against its fills (<see cref="CrashLedger.Discrepancies"/>).</summary>
    private static async Task<List<string>> ProblemsAsync(TestDatabase db, Guid accountId) =>
        (await CrashLedger.ReadAsync(db)).Discrepancies([accountId], StartingCash);

    private static async Task<long> CountAsync(TestDatabase db, string sql) => await db.ScalarAsync<long>(sql);

    private static async Task WaitUntilAsync(ServerProcess server, string what, TimeSpan timeout, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline || server.HasExited)
            {
                Assert.Fail($"No {what} within {timeout.TotalSeconds:0} s:{Environment.NewLine}{server.RecentOutput}");
            }

            await Task.Delay(250, Ct);
        }
    }

    private static async Task<string> LoginAsync(HttpClient http)
    {
        (await http.PostAsJsonAsync("/api/v1/auth/register", new { email = "restart@example.com", password = Password, firstName = "Restart", lastName = "Test" }, Ct))
            .EnsureSuccessStatusCode();
        var login = await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "restart@example.com", password = Password }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        return login.GetProperty("accessToken").GetString()!;
    }

    private static async Task<Guid> CreateAccountAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/v1/accounts", new { brokerId = "paper", accountName = "Restart", initialCash = StartingCash }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accountId").GetGuid();
    }

    /// <summary>As TradingKit's permissive profile: no concentration, cash or count limits, no protective stops, a daily loss out of reach.</summary>
    private static async Task OpenRiskLimitsAsync(HttpClient http)
    {
        var profile = (await http.GetFromJsonAsync<JsonElement>("/api/v1/risk/profiles", Ct))[0].GetProperty("profileId").GetGuid();
        var opened = await http.PutAsJsonAsync($"/api/v1/risk/profiles/{profile}", new
        {
            profileName = "Default Risk Profile", maxSectorConcentration = 1, maxCorrelationExposure = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
            maxLongPositions = 10_000, maxShortPositions = 10_000, trailingStopEnabled = false, defaultStopLossPercentage = 0,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PatchAsJsonAsync("/api/v1/me", new { maxDailyLoss = 1_000_000_000 }, Ct)).StatusCode);
    }

    /// <summary>
    /// The ma-crossover template with a 2-bar fast and 5-bar slow average, started on the account and both symbols
    /// through the start endpoint (it runs on the set-up server, which has no feed, and is stored active and RUNNING,
    /// so the next server starts it).
    /// </summary>
    private static async Task<Guid> CreateStartedStrategyAsync(HttpClient http, Guid accountId)
    {
        var created = await http.PostAsJsonAsync("/api/v1/strategies", new
        {
            template = "ma-crossover",
            name = "Restart 2/5",
            parameters = new { moving_averages = new { short_period = 2, long_period = 5 } },
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("strategyId").GetGuid();
        var started = await http.PostAsJsonAsync($"/api/v1/strategies/{id}/start", new { accountId, symbols = new[] { "SYN001", "SYN002" } }, Ct);
        Assert.True(started.StatusCode == HttpStatusCode.OK, await started.Content.ReadAsStringAsync(Ct));
        Assert.Equal("RUNNING", (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("runState").GetString());
        return id;
    }

    private static void Report(string line)
    {
        Console.WriteLine(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }
}
