using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Strategies;

/// <summary>
/// <c>POST /strategies/{id}/start|stop</c> and the status views: the three strategy rows kept as one, the runner
/// following them, validation that names the field, ownership (another user's strategy is 404, another user's
/// account is 422), API key permissions, and the audit rows.
/// </summary>
public sealed class StrategyRunApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Start_runs_the_strategy_it_trades_and_stop_stops_it_on_every_row(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        await StrategyRunKit.AddSymbolsAsync(server.Db, "ACME", "BETA");
        var kit = await StrategyRunKit.StartAsync(server);
        var id = await kit.CreateStrategyAsync();

        // Symbols are trimmed, upper-cased and de-duplicated.
        var started = await StrategyRunKit.OkAsync(await kit.StartAsync(id, new { accountId = kit.Trading.AccountId, symbols = new[] { " acme", "BETA", "ACME" } }));
        Assert.Equal(id, started.GetProperty("strategyId").GetGuid());
        Assert.Equal("Fast crossover", started.GetProperty("name").GetString());
        Assert.True(started.GetProperty("isActive").GetBoolean());
        Assert.Equal("RUNNING", started.GetProperty("runState").GetString());
        Assert.Equal("started", started.GetProperty("runStateReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, started.GetProperty("runStateChangedAt").ValueKind);
        Assert.Equal(kit.Trading.AccountId, started.GetProperty("accountId").GetGuid());
        Assert.Equal(["ACME", "BETA"], started.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!));
        Assert.True(started.GetProperty("running").GetBoolean());
        Assert.Equal(0, started.GetProperty("barsSeen").GetInt64());
        Assert.Equal(0, started.GetProperty("signalsRouted").GetInt64());
        Assert.Equal(0, started.GetProperty("totalTrades").GetInt32());
        Assert.Equal(0m, started.GetProperty("totalPnl").GetDecimal());
        Assert.Equal(JsonValueKind.Null, started.GetProperty("winRate").ValueKind);
        Assert.Equal(0m, started.GetProperty("maxDrawdown").GetDecimal());
        Assert.True(started.TryGetProperty("lastRunAt", out _));
        Assert.Contains(id, kit.Runner.Running);
        var (strategy, instance, config) = await kit.Strategies.RowsAsync(id);
        Assert.True(strategy!.IsActive);
        Assert.True(instance!.IsActive);
        Assert.True(config!.IsActive);
        Assert.Equal("RUNNING", instance.RunState);
        Assert.Equal(kit.Trading.AccountId, instance.AccountId);
        StrategyKit.AssertJson("""["ACME","BETA"]""", instance.Symbols);
        await kit.Strategies.AssertConsistentAsync(id);

        // It trades: a cross of its 2- and 3-bar averages on ACME becomes a signal and a filled order for the account.
        decimal[] closes = [10m, 10m, 10m, 9m, 12m];
        for (var minute = 0; minute < closes.Length; minute++)
        {
            await kit.BarAsync("ACME", minute, closes[minute]);
        }

        var trading = await kit.WaitForStatusAsync(id, s => s.GetProperty("signalsRouted") is { ValueKind: JsonValueKind.Number } n && n.GetInt64() >= 1);
        Assert.True(trading.GetProperty("running").GetBoolean(), trading.ToString());
        Assert.Equal(5, trading.GetProperty("barsSeen").GetInt64());
        Assert.Equal(1, trading.GetProperty("signalsRouted").GetInt64());
        await using (var db = server.Db.CreateContext())
        {
            var signal = await db.TradingSignals.AsNoTracking().SingleAsync(s => s.StrategyId == id, Ct);
            Assert.Equal("BUY", signal.SignalType);
            Assert.Equal("ACME", signal.Symbol);
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.AccountId == kit.Trading.AccountId, Ct);
            Assert.Equal("FILLED", order.Status);
            Assert.Equal(id, order.StrategyId);
        }

        // Both status views: the one strategy, and the list of all the caller's.
        var all = await kit.Strategies.GetAsync("/api/v1/strategies/status");
        Assert.Equal(id, Assert.Single(all.EnumerateArray()).GetProperty("strategyId").GetGuid());

        var stopped = await StrategyRunKit.OkAsync(await kit.StopAsync(id));
        Assert.False(stopped.GetProperty("isActive").GetBoolean());
        Assert.Equal("STOPPED", stopped.GetProperty("runState").GetString());
        Assert.Equal("stopped by the user", stopped.GetProperty("runStateReason").GetString());
        Assert.False(stopped.GetProperty("running").GetBoolean());
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("barsSeen").ValueKind);
        Assert.DoesNotContain(id, kit.Runner.Running);
        (strategy, instance, config) = await kit.Strategies.RowsAsync(id);
        Assert.False(strategy!.IsActive);
        Assert.False(instance!.IsActive);
        Assert.False(config!.IsActive);
        Assert.Equal("STOPPED", instance.RunState);
        Assert.Equal(kit.Trading.AccountId, instance.AccountId); // kept for the next start
        await kit.Strategies.AssertConsistentAsync(id);

        // Stopping a stopped strategy is no error; starting again needs no body (the account and symbols are stored).
        Assert.Equal("STOPPED", (await StrategyRunKit.OkAsync(await kit.StopAsync(id))).GetProperty("runState").GetString());
        var again = await StrategyRunKit.OkAsync(await kit.StartAsync(id, null));
        Assert.Equal("RUNNING", again.GetProperty("runState").GetString());
        Assert.Equal(["ACME", "BETA"], again.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!));
        Assert.Contains(id, kit.Runner.Running);

        await using (var db = server.Db.CreateContext())
        {
            var audits = await db.AuditLog.AsNoTracking().Where(a => a.ResourceId == id.ToString() && a.ResourceType == "STRATEGY")
                .Select(a => new { a.Action, a.UserId, a.NewValues, a.Metadata }).ToListAsync(Ct);
            Assert.Equal(2, audits.Count(a => a.Action == "STRATEGY_STARTED"));
            Assert.Equal(2, audits.Count(a => a.Action == "STRATEGY_STOPPED"));
            Assert.All(audits.Where(a => a.Action is "STRATEGY_STARTED" or "STRATEGY_STOPPED"), a => Assert.Equal(kit.Trading.User.UserId, a.UserId));
            var first = audits.First(a => a.Action == "STRATEGY_STARTED");
            Assert.Contains("user_strategies.account_id", first.NewValues!, StringComparison.Ordinal);
            Assert.Contains("ACME", first.Metadata!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_refuses_a_foreign_or_deleted_account_and_unknown_symbols_naming_the_field_and_stores_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        await StrategyRunKit.AddSymbolsAsync(server.Db, "ACME");
        var kit = await StrategyRunKit.StartAsync(server);
        var other = await StrategyRunKit.StartAsync(server, "other@example.com");
        var id = await kit.CreateStrategyAsync();

        async Task AssertRefusedAsync(object? body, string field, string detail)
        {
            var problem = await Problems.AssertProblemAsync(await kit.StartAsync(id, body), HttpStatusCode.UnprocessableEntity, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
            Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await AssertRefusedAsync(new { accountId = other.Trading.AccountId, symbols = new[] { "ACME" } }, "accountId", "is not one of your accounts");
        await AssertRefusedAsync(new { accountId = Guid.NewGuid(), symbols = new[] { "ACME" } }, "accountId", "is not one of your accounts");
        await AssertRefusedAsync(new { symbols = new[] { "ACME" } }, "accountId", "accountId: is required");
        await AssertRefusedAsync(new { accountId = kit.Trading.AccountId, symbols = new[] { "ACME", "NOPE" } }, "symbols", "'NOPE' is not a symbol");
        // A symbol the universe lists as inactive takes no new orders, so no strategy may start on it.
        await using (var rows = server.Db.CreateContext())
        {
            rows.MarketSymbols.Add(new Storage.Model.Entities.MarketSymbol { Symbol = "GONE", Exchange = "TEST", AssetClass = "EQUITY", Currency = "USD", IsActive = false });
            await rows.SaveChangesAsync(Ct);
        }

        await AssertRefusedAsync(new { accountId = kit.Trading.AccountId, symbols = new[] { "ACME", "GONE" } }, "symbols", "'GONE' is inactive in the symbol universe.");
        await AssertRefusedAsync(new { accountId = kit.Trading.AccountId, symbols = Array.Empty<string>() }, "symbols", "symbols: is required");
        await AssertRefusedAsync(new { accountId = kit.Trading.AccountId, symbols = new[] { "ACME", " " } }, "symbols", "blank");
        await AssertRefusedAsync(new { accountId = kit.Trading.AccountId, symbols = Enumerable.Range(0, 101).Select(i => $"S{i}").ToArray() }, "symbols", "at most 100");
        await AssertRefusedAsync(null, "symbols", "symbols: is required");

        // A body that is not JSON is refused as such (the body is optional, but not any body).
        using var text = new StringContent("ACME", System.Text.Encoding.UTF8, "text/plain");
        await Problems.AssertProblemAsync(await kit.Client.PostAsync($"/api/v1/strategies/{id}/start", text, Ct), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        var deleted = await kit.Client.DeleteAsync($"/api/v1/accounts/{kit.Trading.AccountId}", Ct);
        Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync(Ct));
        await AssertRefusedAsync(new { accountId = kit.Trading.AccountId, symbols = new[] { "ACME" } }, "accountId", "is not one of your accounts");

        var (strategy, instance, config) = await kit.Strategies.RowsAsync(id);
        Assert.False(strategy!.IsActive);
        Assert.False(instance!.IsActive);
        Assert.False(config!.IsActive);
        Assert.Null(instance.AccountId);
        Assert.Null(instance.Symbols);
        Assert.Equal("STOPPED", instance.RunState);
        Assert.Empty(kit.Runner.Running);
        await using var db = server.Db.CreateContext();
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == "STRATEGY_STARTED", Ct));
    }

    [Fact]
    public async Task Another_users_strategy_is_404_everywhere_and_a_read_only_key_may_only_read()
    {
        await using var server = await ApiServer.StartAsync();
        await StrategyRunKit.AddSymbolsAsync(server.Db, "ACME");
        var owner = await StrategyRunKit.StartAsync(server);
        var other = await StrategyRunKit.StartAsync(server, "other@example.com");
        var id = await owner.CreateStrategyAsync();
        await StrategyRunKit.OkAsync(await owner.StartAsync(id, new { accountId = owner.Trading.AccountId, symbols = new[] { "ACME" } }));

        await Problems.AssertProblemAsync(await other.StartAsync(id, new { accountId = other.Trading.AccountId, symbols = new[] { "ACME" } }), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.StopAsync(id), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.Client.GetAsync($"/api/v1/strategies/{id}/status", Ct), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, (await other.Strategies.GetAsync("/api/v1/strategies/status")).GetArrayLength());
        await Problems.AssertProblemAsync(await owner.StartAsync(Guid.NewGuid(), null), HttpStatusCode.NotFound, "not-found");
        Assert.Contains(id, owner.Runner.Running); // the other user's attempts changed nothing

        var (_, readOnly) = await server.CreateKeyAsync(owner.Trading.User, new { name = "watcher", canRead = true });
        using var watcher = server.Client(apiKey: readOnly);
        Assert.Equal(HttpStatusCode.OK, (await watcher.GetAsync($"/api/v1/strategies/{id}/status", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await watcher.GetAsync("/api/v1/strategies/status", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await watcher.PostAsync($"/api/v1/strategies/{id}/stop", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await watcher.PostAsJsonAsync($"/api/v1/strategies/{id}/start", new { }, Ct)).StatusCode);
        Assert.Contains(id, owner.Runner.Running);
    }
}
