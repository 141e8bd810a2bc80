using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Storage.Model;

namespace Orchestrator.Cli.Backtests;

/// <summary>
/// A user's strategy named by id on the command line (<c>--strategy UUID</c>): its template and resolved
/// parameters come from the database, and the backtests run on it are stored under it.
/// </summary>
public sealed record StoredStrategy(Guid StrategyId, Guid UserId, string Name, StrategyTemplateDefinition Template, JsonObject Parameters)
{
    /// <summary>The strategy, or an error naming <c>--strategy</c> when no strategy (or no known template) has that id.</summary>
    public static async Task<(StoredStrategy? Strategy, string? Error)> FindAsync(OrchestratorDbContext db, Guid strategyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await (
            from s in db.Strategies.AsNoTracking()
            join us in db.UserStrategies.AsNoTracking() on s.StrategyId equals us.UserStrategyId
            join tpl in db.StrategyTemplates.AsNoTracking() on us.TemplateId equals tpl.TemplateId
            where s.StrategyId == strategyId
            select new { s.StrategyId, s.UserId, s.StrategyName, s.Parameters, tpl.TemplateName }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return (null, $"--strategy: no strategy has the id {strategyId}");
        }

        if (StrategyCatalog.Find(row.TemplateName) is not { } template)
        {
            return (null, $"--strategy: the strategy's template '{row.TemplateName}' is not available");
        }

        var parameters = row.Parameters is null ? new JsonObject() : JsonNode.Parse(row.Parameters) as JsonObject ?? new JsonObject();
        return (new StoredStrategy(row.StrategyId, row.UserId, row.StrategyName, template, parameters), null);
    }
}
