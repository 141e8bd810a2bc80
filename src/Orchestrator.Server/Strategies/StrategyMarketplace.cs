using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Server.Auditing;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// The strategy marketplace: every user's public strategies, shown without anything of their owner's, and
/// copied into the caller's own strategies.
/// </summary>
public sealed class StrategyMarketplace(OrchestratorDbContext db, StrategyService strategies)
{
    /// <summary>Public strategies of every user, best total P&amp;L first; optionally of one template.</summary>
    public async Task<IReadOnlyList<PublicStrategyView>> ListAsync(string? template, int limit, CancellationToken ct)
    {
        var query = from s in db.Strategies.AsNoTracking()
                    where s.IsPublic == true
                    join u in db.UserStrategies.AsNoTracking() on s.StrategyId equals u.UserStrategyId into instances
                    from u in instances.DefaultIfEmpty()
                    join t in db.StrategyTemplates.AsNoTracking() on u.TemplateId equals (Guid?)t.TemplateId into templates
                    from t in templates.DefaultIfEmpty()
                    select new { Strategy = s, Template = t == null ? null : t.TemplateName };
        if (!string.IsNullOrWhiteSpace(template))
        {
            var name = StrategyCatalog.Find(template)?.Name ?? template;
            query = query.Where(x => x.Template == name);
        }

        // total_pnl is text on SQLite, where ORDER BY would compare it as a string: sort in memory.
        var rows = await query.ToListAsync(ct);
        return rows
            .OrderByDescending(x => x.Strategy.TotalPnl ?? 0m).ThenBy(x => x.Strategy.StrategyName, StringComparer.Ordinal).ThenBy(x => x.Strategy.StrategyId)
            .Take(limit)
            .Select(x => PublicStrategyView.From(x.Strategy, x.Template))
            .ToList();
    }

    /// <summary>
    /// Copies a public strategy into the caller's: the same template, parameters and risk settings (what the
    /// marketplace shows), no schedule and the default backtest configuration (the owner's own settings are not
    /// shown, so not copied), private and inactive. Not found unless the original is public.
    /// </summary>
    public async Task<StrategyService.Outcome> CopyAsync(Guid userId, Guid strategyId, CopyStrategyRequest? request, Actor actor, CancellationToken ct)
    {
        if ((await StrategyStore.LoadAsync(db, s => s.StrategyId == strategyId && s.IsPublic == true, tracked: false, ct)).SingleOrDefault() is not { } rows)
        {
            return StrategyService.Outcome.Missing;
        }

        var (original, problem) = StrategyRows.Read(rows);
        if (original is null)
        {
            return new StrategyService.Outcome(null, null, problem);
        }

        var errors = new Validation.ValidationErrors();
        var name = request?.Name ?? original.Name;
        errors.Check(Validation.FieldRules.IsName(name), "name", "must be at most 100 characters.");
        if (errors.Any)
        {
            return new StrategyService.Outcome(null, errors, null);
        }

        var copy = original with
        {
            StrategyId = Guid.CreateVersion7(),
            UserId = userId,
            Name = name.Trim(),
            TradingSchedule = null,
            Backtest = BacktestConfig.Default,
            IsPublic = false,
            IsActive = false,
        };
        return await strategies.InsertAsync(copy, actor, "STRATEGY_COPIED", new { copiedFrom = strategyId }, ct);
    }
}
