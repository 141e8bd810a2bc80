using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Strategies;

/// <summary>A logged-in user on a running server, with helpers to create strategies and read their three rows.</summary>
public sealed record StrategyKit(ApiServer Server, TestUser User, HttpClient Client)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<StrategyKit> StartAsync(ApiServer server, string email = "quant@example.com")
    {
        var user = await server.RegisterAndLoginAsync(email);
        return new StrategyKit(server, user, server.Client(bearer: user.AccessToken));
    }

    public Task<HttpResponseMessage> PostAsync(object body) => Client.PostAsJsonAsync("/api/v1/strategies", body, Ct);

    /// <summary>Creates a strategy (asserting 201) and returns its view.</summary>
    public async Task<JsonElement> CreateAsync(object body)
    {
        var response = await PostAsync(body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await Client.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The strategy's rows in strategies, user_strategies and strategy_configs (null where absent).</summary>
    public async Task<(Strategy? Strategy, UserStrategy? Instance, StrategyConfigDocument? Config)> RowsAsync(Guid strategyId)
    {
        await using var db = Server.Db.CreateContext();
        return (await db.Strategies.AsNoTracking().SingleOrDefaultAsync(s => s.StrategyId == strategyId, Ct),
            await db.UserStrategies.AsNoTracking().SingleOrDefaultAsync(u => u.UserStrategyId == strategyId, Ct),
            await db.StrategyConfigs.AsNoTracking().SingleOrDefaultAsync(c => c.StrategyId == strategyId, Ct));
    }

    /// <summary>
    /// The invariant of the three tables (NOTES.md defect 14): one id; the same name, owner and active flag;
    /// the document's parameters equal strategies.parameters; user_strategies.parameters is exactly what differs
    /// from the template's defaults; the risk settings are mirrored.
    /// </summary>
    public async Task AssertConsistentAsync(Guid strategyId)
    {
        var (strategy, instance, config) = await RowsAsync(strategyId);
        Assert.NotNull(strategy);
        Assert.NotNull(instance);
        Assert.NotNull(config);
        await using var db = Server.Db.CreateContext();
        var template = await db.StrategyTemplates.AsNoTracking().SingleAsync(t => t.TemplateId == instance.TemplateId, Ct);
        var definition = StrategyCatalog.Find(template.TemplateName)!;
        var resolved = Json(strategy.Parameters);
        var document = Json(config.Document).AsObject();

        Assert.Equal(strategy.UserId, instance.UserId);
        Assert.Equal(strategy.UserId, config.UserId);
        Assert.Equal(strategy.StrategyName, instance.StrategyName);
        Assert.Equal(strategy.IsActive, instance.IsActive);
        Assert.Equal(strategy.IsActive, config.IsActive);
        Assert.Equal(strategy.StrategyType, template.TemplateType);
        Assert.Equal(strategyId.ToString(), document["strategy_id"]!.GetValue<string>());
        Assert.Equal(strategy.UserId.ToString(), document["user_id"]!.GetValue<string>());
        Assert.Equal(strategy.IsActive, document["is_active"]!.GetValue<bool>());
        AssertJson(resolved, document["parameters"]);
        var parameters = definition.Parameters.Resolve(resolved.AsObject()).Parameters!;
        AssertJson(definition.Parameters.Overrides(parameters), Json(instance.Parameters));
        AssertJson(Json(strategy.RiskSettings), Json(instance.RiskSettings));
    }

    public static JsonNode Json(string? text) => JsonNode.Parse(text ?? "null")!;

    /// <summary>Semantic JSON equality (PostgreSQL's jsonb reorders keys and respaces text).</summary>
    public static void AssertJson(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");

    public static void AssertJson(string expected, string? actual) => AssertJson(JsonNode.Parse(expected), Json(actual));
}
