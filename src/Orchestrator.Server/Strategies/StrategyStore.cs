using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Strategies;

/// <summary>Reads a strategy's three rows (and its template) together, and serialises changes to one strategy.</summary>
public static class StrategyStore
{
    /// <summary>The row sets of the strategies <paramref name="filter"/> selects (its ownership condition included), oldest first.</summary>
    public static async Task<List<StrategyRowSet>> LoadAsync(OrchestratorDbContext db, Expression<Func<Strategy, bool>> filter, bool tracked, CancellationToken ct)
    {
        var strategies = db.Strategies.Where(filter);
        if (!tracked)
        {
            strategies = strategies.AsNoTracking();
        }

        var rows = await strategies.ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(s => s.StrategyId).ToList();
        var instances = tracked ? db.UserStrategies : db.UserStrategies.AsNoTracking();
        var configs = tracked ? db.StrategyConfigs : db.StrategyConfigs.AsNoTracking();
        var instanceRows = await instances.Where(u => ids.Contains(u.UserStrategyId)).ToDictionaryAsync(u => u.UserStrategyId, ct);
        var configRows = await configs.Where(c => ids.Contains(c.StrategyId)).ToDictionaryAsync(c => c.StrategyId, ct);
        var templateIds = instanceRows.Values.Where(u => u.TemplateId is not null).Select(u => u.TemplateId!.Value).Distinct().ToList();
        var templates = await db.StrategyTemplates.AsNoTracking().Where(t => templateIds.Contains(t.TemplateId)).ToDictionaryAsync(t => t.TemplateId, ct);
        return rows
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.StrategyId)
            .Select(s =>
            {
                var instance = instanceRows.GetValueOrDefault(s.StrategyId);
                var template = instance?.TemplateId is { } templateId ? templates.GetValueOrDefault(templateId) : null;
                return new StrategyRowSet(s, instance, configRows.GetValueOrDefault(s.StrategyId), template);
            })
            .ToList();
    }

    /// <summary>One strategy's rows, tracked for a change; call inside <see cref="BeginAsync"/>.</summary>
    public static async Task<StrategyRowSet?> LoadForChangeAsync(OrchestratorDbContext db, Expression<Func<Strategy, bool>> filter, CancellationToken ct) =>
        (await LoadAsync(db, filter, tracked: true, ct)).SingleOrDefault();

    /// <summary>
    /// A transaction in which one strategy's rows are read, changed and written with no other change to that
    /// strategy in between (two concurrent changes could otherwise each write a document derived from a
    /// different state). PostgreSQL locks the strategy's row (<c>SELECT ... FOR UPDATE</c>); SQLite's
    /// transactions already take the database's write lock when they begin (Microsoft.Data.Sqlite begins them
    /// IMMEDIATE), which serialises every writer.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(OrchestratorDbContext db, Guid strategyId, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM strategies WHERE strategy_id = {strategyId} FOR UPDATE", ct);
        }

        return transaction;
    }
}
