using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Strategies;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Orchestration;

/// <summary>Reads the strategies to run from <c>user_strategies</c> (active, with an account and symbols) and builds each one's definition.</summary>
internal static class RunningStrategies
{
    /// <summary>The active strategies (of one user, or all), each with its definition or the reason it cannot run.</summary>
    public static async Task<List<(Guid StrategyId, Guid UserId, RunningStrategy? Definition, string? Problem)>> LoadAsync(
        OrchestratorDbContext db, StrategyTemplates templates, Guid? userId, Guid? strategyId, CancellationToken ct)
    {
        var rows = await (
            from us in db.UserStrategies.AsNoTracking()
            join s in db.Strategies.AsNoTracking() on us.UserStrategyId equals s.StrategyId
            join tpl in db.StrategyTemplates.AsNoTracking() on us.TemplateId equals tpl.TemplateId
            where us.IsActive == true && us.AccountId != null && us.Symbols != null
                  && (userId == null || us.UserId == userId) && (strategyId == null || us.UserStrategyId == strategyId)
            select new { us.UserStrategyId, us.UserId, us.AccountId, us.StrategyName, s.Parameters, us.TradingSchedule, us.Symbols, tpl.TemplateName })
            .ToListAsync(ct);
        var result = new List<(Guid, Guid, RunningStrategy?, string?)>(rows.Count);
        foreach (var row in rows)
        {
            var (definition, problem) = Build(templates, row.UserStrategyId, row.UserId, row.AccountId!.Value, row.StrategyName, row.TemplateName,
                row.Parameters, row.TradingSchedule, row.Symbols!);
            result.Add((row.UserStrategyId, row.UserId, definition, problem));
        }

        return result;
    }

    private static (RunningStrategy? Definition, string? Problem) Build(StrategyTemplates templates, Guid strategyId, Guid userId, Guid accountId,
        string name, string templateName, string? parameters, string? schedule, string symbols)
    {
        if (templates.Find(templateName) is not { } template)
        {
            return (null, $"its template '{templateName}' is not available");
        }

        var overrides = parameters is null ? new JsonObject() : JsonNode.Parse(parameters) as JsonObject ?? new JsonObject();
        var resolution = template.Validate(template.Parameters.Resolve(overrides));
        if (resolution.Parameters is not { } resolved)
        {
            return (null, "its parameters are invalid: " + string.Join("; ", resolution.Errors.Select(e => e.ToString())));
        }

        TradingSchedule? window = null;
        if (schedule is not null)
        {
            var (parsed, errors) = TradingSchedule.FromJson(schedule);
            if (parsed is null)
            {
                return (null, "its trading schedule is invalid: " + string.Join("; ", errors.Select(e => e.ToString())));
            }

            window = parsed;
        }

        var list = JsonSerializer.Deserialize<List<string>>(symbols) ?? [];
        if (list.Count == 0)
        {
            return (null, "it has no symbols");
        }

        return (new RunningStrategy(strategyId, userId, accountId, name, list, window, () => template.Create(resolved)), null);
    }
}
