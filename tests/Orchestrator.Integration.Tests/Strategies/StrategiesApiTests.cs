using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Strategies;

/// <summary>The template catalog and user strategies: three tables kept as one, validation that names the field, ownership.</summary>
public sealed class StrategiesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Templates_are_seeded_once_however_often_the_server_starts(DatabaseProvider provider)
    {
        await using var first = await ApiServer.StartAsync(provider);
        List<(string Name, Guid Id)> seeded;
        await using (var db = first.Db.CreateContext())
        {
            seeded = (await db.StrategyTemplates.AsNoTracking().OrderBy(t => t.TemplateName).ToListAsync(Ct)).Select(t => (t.TemplateName, t.TemplateId)).ToList();
        }

        // A second server on the same database (a restart, or a second process) adds nothing and keeps the ids.
        await using (var second = await ApiServer.StartAsync(first.Db, ownsDatabase: false))
        {
            await using var db = second.Db.CreateContext();
            var again = (await db.StrategyTemplates.AsNoTracking().OrderBy(t => t.TemplateName).ToListAsync(Ct)).Select(t => (t.TemplateName, t.TemplateId)).ToList();
            Assert.Equal(seeded, again);
        }

        Assert.Equal(StrategyCatalog.All.Select(t => t.Name).Order(StringComparer.Ordinal), seeded.Select(s => s.Name));
        await using (var db = first.Db.CreateContext())
        {
            var row = await db.StrategyTemplates.AsNoTracking().SingleAsync(t => t.TemplateName == "buy-and-hold", Ct);
            Assert.Equal("BENCHMARK", row.TemplateType);
            Assert.Equal("POSITION_TRADING", row.Category);
            Assert.Equal(["benchmark", "passive"], row.Tags!);
            Assert.Equal("Day Trading Orchestrator", row.Author);
            Assert.Equal("1.0.0", row.Version);
            Assert.True(row.IsActive);
            Assert.True(row.IsVerified);
            StrategyKit.AssertJson("""{"allocation":1.0}""", row.DefaultParameters);
            StrategyKit.AssertJson(BuyAndHold.Definition.Parameters.ToJsonSchema(), StrategyKit.Json(row.ParameterSchema));
        }

        var kit = await StrategyKit.StartAsync(first);
        var listed = await kit.GetAsync("/api/v1/strategy-templates");
        Assert.Equal(seeded.Count, listed.GetArrayLength());
        var template = await kit.GetAsync("/api/v1/strategy-templates/buy-and-hold");
        Assert.Equal("BENCHMARK", template.GetProperty("type").GetString());
        Assert.Equal(1.0m, template.GetProperty("defaultParameters").GetProperty("allocation").GetDecimal());
        Assert.Equal("number", template.GetProperty("parameterSchema").GetProperty("properties").GetProperty("allocation").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Object, template.GetProperty("defaultRiskSettings").ValueKind);
        await Problems.AssertProblemAsync(await kit.Client.GetAsync("/api/v1/strategy-templates/no-such-template", Ct), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_stores_resolved_parameters_the_overrides_alone_and_the_document(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await StrategyKit.StartAsync(server);
        var created = await kit.CreateAsync(new
        {
            template = "buy-and-hold",
            name = "Half in",
            parameters = new { allocation = 0.5m },
            riskSettings = new { stop_loss_percentage = 0.02m, max_position_fraction = 0.25m },
            tradingSchedule = new { time_zone = "America/New_York", days = new[] { "MON", "WED", "FRI" }, start = "09:30", end = "16:00" },
            backtestConfig = new { start_date = "2024-01-01", end_date = "2024-12-31", initial_capital = 50000 },
            isPublic = true,
        });
        var id = created.GetProperty("strategyId").GetGuid();
        Assert.Equal("buy-and-hold", created.GetProperty("template").GetString());
        Assert.Equal(0.5m, created.GetProperty("parameters").GetProperty("allocation").GetDecimal());
        Assert.Equal(0.5m, created.GetProperty("overrides").GetProperty("allocation").GetDecimal());
        Assert.Equal(7, id.Version);

        var (strategy, instance, config) = await kit.RowsAsync(id);
        Guid templateId;
        await using (var db = server.Db.CreateContext())
        {
            templateId = (await db.StrategyTemplates.SingleAsync(t => t.TemplateName == "buy-and-hold", Ct)).TemplateId;
        }

        // strategies: the source of truth, parameters resolved.
        Assert.Equal(kit.User.UserId, strategy!.UserId);
        Assert.Equal("Half in", strategy.StrategyName);
        Assert.Equal("BENCHMARK", strategy.StrategyType);
        Assert.Equal("POSITION_TRADING", strategy.StrategyCategory);
        Assert.Equal("1.0.0", strategy.Version);
        Assert.True(strategy.IsPublic);
        Assert.False(strategy.IsActive);
        Assert.Equal(0, strategy.TotalTrades);
        StrategyKit.AssertJson("""{"allocation":0.5}""", strategy.Parameters);
        StrategyKit.AssertJson("""{"stop_loss_percentage":0.02,"max_position_fraction":0.25}""", strategy.RiskSettings);
        // user_strategies: the same id, the template, only the overrides, the risk settings mirrored, the schedule.
        Assert.Equal(templateId, instance!.TemplateId);
        Assert.Equal("Half in", instance.StrategyName);
        StrategyKit.AssertJson("""{"allocation":0.5}""", instance.Parameters);
        StrategyKit.AssertJson(strategy.RiskSettings!, instance.RiskSettings);
        StrategyKit.AssertJson("""{"time_zone":"America/New_York","days":["MON","WED","FRI"],"start":"09:30","end":"16:00"}""", instance.TradingSchedule);
        // strategy_configs: the seed's document, with the backtest configuration (defaults filled in).
        StrategyKit.AssertJson($$"""
            {"strategy_id":"{{id}}","user_id":"{{kit.User.UserId}}","parameters":{"allocation":0.5},
             "backtest_config":{"start_date":"2024-01-01","end_date":"2024-12-31","initial_capital":50000,"commission_rate":0.001,"slippage":0.0005},
             "is_active":false,"version":"1.0.0"}
            """, config!.Document);

        // Without overrides: every default resolved in strategies and the document, nothing in user_strategies.
        var plain = (await kit.CreateAsync(new { template = "buy-and-hold", name = "All in" })).GetProperty("strategyId").GetGuid();
        var (plainStrategy, plainInstance, plainConfig) = await kit.RowsAsync(plain);
        StrategyKit.AssertJson("""{"allocation":1.0}""", plainStrategy!.Parameters);
        StrategyKit.AssertJson("{}", plainInstance!.Parameters);
        StrategyKit.AssertJson("""{"allocation":1.0}""", StrategyKit.Json(plainConfig!.Document)["parameters"]!.ToJsonString());
        Assert.Null(plainInstance.TradingSchedule);
        await kit.AssertConsistentAsync(id);
        await kit.AssertConsistentAsync(plain);

        var listed = await kit.GetAsync("/api/v1/strategies");
        Assert.Equal(["Half in", "All in"], listed.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToArray());
        await using (var db = server.Db.CreateContext())
        {
            var audit = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == "STRATEGY_CREATED" && a.ResourceId == id.ToString(), Ct);
            var values = StrategyKit.Json(audit.NewValues);
            StrategyKit.AssertJson("""{"allocation":0.5}""", values["strategies.parameters"]!.ToJsonString());
            Assert.NotNull(values["user_strategies.trading_schedule"]);
            Assert.NotNull(values["strategy_configs.document"]);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_input_is_422_naming_each_field_and_stores_nothing(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await StrategyKit.StartAsync(server);

        async Task<string[]> FieldsAsync(object body)
        {
            var problem = await Problems.AssertProblemAsync(await kit.PostAsync(body), HttpStatusCode.UnprocessableEntity, "validation");
            return problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
        }

        // Above its maximum, a string where a number belongs, an unknown name: the JSON Schema names the parameter.
        Assert.Equal(["parameters.allocation"], await FieldsAsync(new { template = "buy-and-hold", name = "A", parameters = new { allocation = 1.5m } }));
        Assert.Equal(["parameters.allocation"], await FieldsAsync(new { template = "buy-and-hold", name = "A", parameters = new { allocation = "half" } }));
        Assert.Equal(["parameters.allocashun"], await FieldsAsync(new { template = "buy-and-hold", name = "A", parameters = new { allocashun = 0.5m } }));
        Assert.Equal(["parameters"], await FieldsAsync(new { template = "buy-and-hold", name = "A", parameters = new[] { 0.5m } }));
        Assert.Equal(["template"], await FieldsAsync(new { template = "moon-phase", name = "A" }));
        Assert.Equal(["name", "template"], await FieldsAsync(new { parameters = new { allocation = 0.5m } }));
        Assert.Equal(
            ["backtestConfig.end_date", "riskSettings.stop_loss_percentage", "riskSettings.trailing_stop", "tradingSchedule.days[0]", "tradingSchedule.end", "tradingSchedule.time_zone"],
            await FieldsAsync(new
            {
                template = "buy-and-hold",
                name = "A",
                riskSettings = new { stop_loss_percentage = 1.5m, trailing_stop = 0.01m },
                tradingSchedule = new { time_zone = "Mars/Olympus", days = new[] { "FUNDAY" }, start = "09:30", end = "26:00" },
                backtestConfig = new { start_date = "2024-06-01", end_date = "2024-01-01" },
            }));

        var detail = (await Problems.AssertProblemAsync(
            await kit.PostAsync(new { template = "buy-and-hold", name = "A", parameters = new { allocation = 1.5m } }), HttpStatusCode.UnprocessableEntity, "validation"))
            .GetProperty("errors").GetProperty("parameters.allocation")[0].GetString();
        Assert.Contains("at most 1", detail, StringComparison.Ordinal);

        await using (var db = server.Db.CreateContext())
        {
            Assert.Equal(0, await db.Strategies.CountAsync(Ct));
            Assert.Equal(0, await db.UserStrategies.CountAsync(Ct));
            Assert.Equal(0, await db.StrategyConfigs.CountAsync(Ct));
        }

        // The same name twice for one user is a conflict; another user may use it.
        await kit.CreateAsync(new { template = "buy-and-hold", name = "Mine" });
        await Problems.AssertProblemAsync(await kit.PostAsync(new { template = "buy-and-hold", name = "Mine" }), HttpStatusCode.Conflict, "conflict");
        var other = await StrategyKit.StartAsync(server, "other@example.com");
        await other.CreateAsync(new { template = "buy-and-hold", name = "Mine" });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Patch_keeps_the_three_tables_consistent_and_audits_old_and_new_values(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await StrategyKit.StartAsync(server);
        var id = (await kit.CreateAsync(new { template = "buy-and-hold", name = "Before", parameters = new { allocation = 0.5m } })).GetProperty("strategyId").GetGuid();
        var path = $"/api/v1/strategies/{id}";

        var patched = await kit.Client.PatchAsJsonAsync(path, new
        {
            name = "After",
            parameters = new { allocation = 0.8m },
            tradingSchedule = new { time_zone = "Europe/London", days = new[] { "TUE" }, start = "08:00", end = "16:30" },
            backtestConfig = new { initial_capital = 25000 },
            isActive = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await kit.AssertConsistentAsync(id);
        var (strategy, instance, config) = await kit.RowsAsync(id);
        Assert.Equal("After", strategy!.StrategyName);
        Assert.True(strategy.IsActive);
        StrategyKit.AssertJson("""{"allocation":0.8}""", strategy.Parameters);
        StrategyKit.AssertJson("""{"allocation":0.8}""", instance!.Parameters);
        StrategyKit.AssertJson("""{"time_zone":"Europe/London","days":["TUE"],"start":"08:00","end":"16:30"}""", instance.TradingSchedule);
        var document = StrategyKit.Json(config!.Document);
        Assert.Equal(25000m, document["backtest_config"]!["initial_capital"]!.GetValue<decimal>());
        Assert.True(document["is_active"]!.GetValue<bool>());

        // parameters null: back to the defaults; resolved everywhere, no overrides left; the schedule removed.
        var reset = await kit.Client.PatchAsync(path, JsonContent.Create(JsonNode.Parse("""{"parameters":null,"tradingSchedule":null}""")), Ct);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        await kit.AssertConsistentAsync(id);
        (strategy, instance, config) = await kit.RowsAsync(id);
        StrategyKit.AssertJson("""{"allocation":1.0}""", strategy!.Parameters);
        StrategyKit.AssertJson("{}", instance!.Parameters);
        Assert.Null(instance.TradingSchedule);
        Assert.Equal(25000m, StrategyKit.Json(config!.Document)["backtest_config"]!["initial_capital"]!.GetValue<decimal>());

        // A bad member changes nothing, not even the good ones beside it.
        var bad = await kit.Client.PatchAsJsonAsync(path, new { name = "Third", parameters = new { allocation = 2 }, isPublic = "yes", template = "other" }, Ct);
        var problem = await Problems.AssertProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal(["isPublic", "parameters.allocation", "template"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("After", (await kit.RowsAsync(id)).Strategy!.StrategyName);

        // Renaming onto another of the user's strategies is a conflict.
        await kit.CreateAsync(new { template = "buy-and-hold", name = "Taken" });
        await Problems.AssertProblemAsync(await kit.Client.PatchAsJsonAsync(path, new { name = "Taken" }, Ct), HttpStatusCode.Conflict, "conflict");

        await using var db = server.Db.CreateContext();
        var updates = await db.AuditLog.AsNoTracking().Where(a => a.Action == "STRATEGY_UPDATED" && a.ResourceId == id.ToString()).OrderBy(a => a.CreatedAt).ToListAsync(Ct);
        Assert.Equal(2, updates.Count);
        var (old, @new) = (StrategyKit.Json(updates[0].OldValues), StrategyKit.Json(updates[0].NewValues));
        Assert.Equal("Before", old["strategies.strategy_name"]!.GetValue<string>());
        Assert.Equal("After", @new["strategies.strategy_name"]!.GetValue<string>());
        StrategyKit.AssertJson("""{"allocation":0.5}""", old["user_strategies.parameters"]!.ToJsonString());
        StrategyKit.AssertJson("""{"allocation":0.8}""", @new["user_strategies.parameters"]!.ToJsonString());
        Assert.Null(old["user_strategies.trading_schedule"]);
        Assert.Equal("Europe/London", @new["user_strategies.trading_schedule"]!["time_zone"]!.GetValue<string>());
        Assert.False(old.AsObject().ContainsKey("strategies.updated_at"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_changes_to_different_settings_leave_the_three_tables_agreeing(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await StrategyKit.StartAsync(server);
        var id = (await kit.CreateAsync(new { template = "buy-and-hold", name = "Busy" })).GetProperty("strategyId").GetGuid();
        var path = $"/api/v1/strategies/{id}";

        // Parameters and the backtest configuration both live in the document: unserialised, one change could
        // write a document holding the other's stale half. Each change locks the strategy first.
        var changes = Enumerable.Range(1, 20).Select(i => i % 2 == 0
            ? kit.Client.PatchAsJsonAsync(path, new { parameters = new { allocation = i / 100m } }, Ct)
            : kit.Client.PatchAsJsonAsync(path, new { backtestConfig = new { initial_capital = 1000 * i }, isActive = i % 4 == 1 }, Ct));
        foreach (var response in await Task.WhenAll(changes))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await kit.AssertConsistentAsync(id);
        await using var db = server.Db.CreateContext();
        Assert.Equal(20, await db.AuditLog.CountAsync(a => a.Action == "STRATEGY_UPDATED" && a.ResourceId == id.ToString(), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_users_strategy_is_not_found_anywhere(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var owner = await StrategyKit.StartAsync(server, "owner@example.com");
        var other = await StrategyKit.StartAsync(server, "other@example.com");
        var id = (await owner.CreateAsync(new { template = "buy-and-hold", name = "Secret" })).GetProperty("strategyId").GetGuid();
        var path = $"/api/v1/strategies/{id}";

        await Problems.AssertProblemAsync(await other.Client.GetAsync(path, Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.Client.PatchAsJsonAsync(path, new { name = "Mine now" }, Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.Client.DeleteAsync(path, Ct), HttpStatusCode.NotFound, "not-found");
        // Private: not in the marketplace, so not copyable either.
        await Problems.AssertProblemAsync(await other.Client.PostAsJsonAsync($"/api/v1/strategies/public/{id}/copy", new { name = "Copy" }, Ct), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, (await other.GetAsync("/api/v1/strategies")).GetArrayLength());
        Assert.Equal("Secret", (await owner.GetAsync(path)).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_keys_read_with_can_read_and_change_with_can_write(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await StrategyKit.StartAsync(server);
        var (_, readOnly) = await server.CreateKeyAsync(kit.User, new { name = "reader", canRead = true, canWrite = false });
        var (_, writeOnly) = await server.CreateKeyAsync(kit.User, new { name = "writer", canRead = false, canWrite = true });
        using var reader = server.Client(apiKey: readOnly);
        using var writer = server.Client(apiKey: writeOnly);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/strategy-templates", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/strategies", Ct)).StatusCode);
        await Problems.AssertProblemAsync(await reader.PostAsJsonAsync("/api/v1/strategies", new { template = "buy-and-hold", name = "K" }, Ct), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertProblemAsync(await writer.GetAsync("/api/v1/strategies", Ct), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsJsonAsync("/api/v1/strategies", new { template = "buy-and-hold", name = "K" }, Ct)).StatusCode);
        await Problems.AssertProblemAsync(await server.Client().GetAsync("/api/v1/strategies", Ct), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_removes_all_three_rows_unless_signals_refer_to_the_strategy(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await StrategyKit.StartAsync(server);
        var unused = (await kit.CreateAsync(new { template = "buy-and-hold", name = "Unused" })).GetProperty("strategyId").GetGuid();
        var used = (await kit.CreateAsync(new { template = "buy-and-hold", name = "Used" })).GetProperty("strategyId").GetGuid();
        await using (var db = server.Db.CreateContext())
        {
            db.TradingSignals.Add(new() { StrategyId = used, Symbol = "ACME", SignalType = "BUY", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await kit.Client.DeleteAsync($"/api/v1/strategies/{unused}", Ct)).StatusCode);
        var (gone, goneInstance, goneConfig) = await kit.RowsAsync(unused);
        Assert.Null(gone);
        Assert.Null(goneInstance);
        Assert.Null(goneConfig);
        await Problems.AssertProblemAsync(await kit.Client.GetAsync($"/api/v1/strategies/{unused}", Ct), HttpStatusCode.NotFound, "not-found");

        var refused = await Problems.AssertProblemAsync(await kit.Client.DeleteAsync($"/api/v1/strategies/{used}", Ct), HttpStatusCode.Conflict, "conflict");
        Assert.Contains("deactivate", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await kit.AssertConsistentAsync(used);

        await using (var db = server.Db.CreateContext())
        {
            var deleted = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == "STRATEGY_DELETED", Ct);
            Assert.Equal(unused.ToString(), deleted.ResourceId);
            Assert.Equal("Unused", StrategyKit.Json(deleted.OldValues)["strategies.strategy_name"]!.GetValue<string>());
            Assert.Null(deleted.NewValues);
        }
    }
}
