using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;
using Strategy = Orchestrator.Storage.Model.Entities.Strategy;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// A user's strategies: create from a template, list, read, change, delete. Every query is scoped to the
/// caller; every change writes the three rows of <see cref="StrategyRows"/> and one audit row in one
/// transaction. Delete is a hard delete of the three rows, refused (409) while signals or backtests refer to
/// the strategy: their history must keep its strategy, so such a strategy is deactivated instead
/// (<c>PATCH {"isActive": false}</c>).
/// </summary>
public sealed class StrategyService(
    OrchestratorDbContext db, AuditTrail audit, ParameterValidator validator, Orchestration.StrategyRunner runner, Trading.TradingOwnership ownership, TimeProvider time)
{
    public sealed record Outcome(StrategyView? Strategy, ValidationErrors? Errors, string? Conflict, bool NotFound = false)
    {
        public static Outcome Missing { get; } = new(null, null, null, NotFound: true);
    }

    public async Task<IReadOnlyList<StrategyTemplateView>> TemplatesAsync(CancellationToken ct) =>
        (await db.StrategyTemplates.AsNoTracking().Where(t => t.IsActive != false).OrderBy(t => t.TemplateName).ToListAsync(ct))
            .Select(StrategyTemplateView.From).ToList();

    public async Task<StrategyTemplateView?> TemplateAsync(string name, CancellationToken ct)
    {
        var canonical = StrategyCatalog.Find(name)?.Name ?? name;
        return await db.StrategyTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.TemplateName == canonical && t.IsActive != false, ct) is { } row
            ? StrategyTemplateView.From(row)
            : null;
    }

    public async Task<Outcome> CreateAsync(Guid userId, CreateStrategyRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (template, definition) = await FindTemplateAsync(request.Template, errors, ct);
        errors.Check(FieldRules.IsName(request.Name), "name", "is required, at most 100 characters.");
        var parameters = definition is null ? null : validator.Validate(template!, definition, request.Parameters, errors);
        var risk = StrategyInput.Risk(request.RiskSettings, definition?.RiskDefaults ?? RiskSettings.None, errors);
        var (_, schedule) = StrategyInput.Schedule(request.TradingSchedule, errors);
        var backtest = StrategyInput.Backtest(request.BacktestConfig, errors);
        if (errors.Any)
        {
            return new Outcome(null, errors, null);
        }

        var draft = new StrategyDraft(Guid.CreateVersion7(), userId, template!, definition!, request.Name!.Trim(), parameters!, risk!, schedule, backtest!,
            request.IsPublic ?? false, IsActive: false);
        return await InsertAsync(draft, actor, "STRATEGY_CREATED", null, ct);
    }

    /// <summary>Writes a new strategy's three rows and its audit row; 409 when the user already has the name.</summary>
    internal async Task<Outcome> InsertAsync(StrategyDraft draft, Actor actor, string action, object? metadata, CancellationToken ct)
    {
        if (await NameTakenAsync(draft.UserId, draft.Name, null, ct))
        {
            return new Outcome(null, null, NameConflict(draft.Name));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var strategy = new Strategy { CreatedAt = now, UpdatedAt = now, TotalTrades = 0, WinningTrades = 0, TotalPnl = 0m, MaxDrawdown = 0m };
        var instance = new UserStrategy { CreatedAt = now, UpdatedAt = now, TotalTrades = 0, TotalPnl = 0m, MaxDrawdown = 0m };
        var config = new StrategyConfigDocument { CreatedAt = now, UpdatedAt = now };
        StrategyRows.Write(draft, strategy, instance, config);
        EntityEntry[] entries = [db.Strategies.Add(strategy), db.UserStrategies.Add(instance), db.StrategyConfigs.Add(config)];
        audit.Record(db, actor, action, StrategyAudit.ResourceType, draft.StrategyId.ToString(), newValues: StrategyAudit.Snapshot(entries), metadata: metadata);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request may have taken the name between the check and the insert (the unique index refused it).
            db.ChangeTracker.Clear();
            if (await NameTakenAsync(draft.UserId, draft.Name, null, ct))
            {
                return new Outcome(null, null, NameConflict(draft.Name));
            }

            throw;
        }

        return new Outcome(StrategyView.From(new StrategyRowSet(strategy, instance, config, draft.Template)), null, null);
    }

    public async Task<IReadOnlyList<StrategyView>> ListAsync(Guid userId, CancellationToken ct) =>
        (await StrategyStore.LoadAsync(db, s => s.UserId == userId, tracked: false, ct)).Select(StrategyView.From).ToList();

    public async Task<StrategyView?> GetAsync(Guid userId, Guid strategyId, CancellationToken ct) =>
        (await StrategyStore.LoadAsync(db, s => s.UserId == userId && s.StrategyId == strategyId, tracked: false, ct)).SingleOrDefault() is { } rows
            ? StrategyView.From(rows)
            : null;

    /// <summary>
    /// <c>PATCH</c>: the present members of <paramref name="body"/> change the strategy (<c>name</c>,
    /// <c>parameters</c> (the overrides, replacing the previous ones; null for all defaults), <c>riskSettings</c>
    /// (null for the template's), <c>tradingSchedule</c> (null for none), <c>backtestConfig</c> (null for the
    /// defaults), <c>isPublic</c>, <c>isActive</c>); nothing changes when any member is invalid.
    /// </summary>
    public async Task<Outcome> UpdateAsync(Guid userId, Guid strategyId, JsonElement body, Actor actor, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new Outcome(null, new ValidationErrors().Add("body", "must be a JSON object."), null);
        }

        await using var transaction = await StrategyStore.BeginAsync(db, strategyId, ct);
        if (await StrategyStore.LoadForChangeAsync(db, s => s.UserId == userId && s.StrategyId == strategyId, ct) is not { } rows)
        {
            return Outcome.Missing;
        }

        var (current, problem) = StrategyRows.Read(rows);
        if (current is null)
        {
            return new Outcome(null, null, problem);
        }

        if (current.IsActive)
        {
            // An active strategy runs where trading runs, which applies the change to the running strategy: elsewhere it
            // would be stored and not applied (a 503, nothing stored).
            ownership.EnsureHeld();
        }

        var errors = new ValidationErrors();

        var draft = StrategyPatch.Apply(current, body, validator, errors);
        if (errors.Any)
        {
            return new Outcome(null, errors, null);
        }

        if (draft!.Name != current.Name && await NameTakenAsync(userId, draft.Name, strategyId, ct))
        {
            return new Outcome(null, null, NameConflict(draft.Name));
        }

        StrategyRows.Write(draft, rows.Strategy, rows.Instance!, rows.Config!);
        EntityEntry[] entries = [db.Entry(rows.Strategy), db.Entry(rows.Instance!), db.Entry(rows.Config!)];
        var (oldValues, newValues) = StrategyAudit.Changes(entries);
        if (oldValues is not null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            rows.Strategy.UpdatedAt = now;
            rows.Instance!.UpdatedAt = now;
            rows.Config!.UpdatedAt = now;
            audit.Record(db, actor, "STRATEGY_UPDATED", StrategyAudit.ResourceType, strategyId.ToString(), oldValues, newValues);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        await ApplyToRunningAsync(userId, strategyId, deactivated: !draft.IsActive, changed: oldValues is not null, ct);
        return new Outcome(StrategyView.From(rows), null, null);
    }

    /// <summary>
    /// A committed change reaches the strategy if it runs here: deactivated, it stops (run state STOPPED); otherwise a
    /// change restarts it with what is stored now (parameters, risk settings, schedule), as a new start would.
    /// </summary>
    private async Task ApplyToRunningAsync(Guid userId, Guid strategyId, bool deactivated, bool changed, CancellationToken ct)
    {
        if (!runner.Running.Contains(strategyId))
        {
            return;
        }

        if (deactivated)
        {
            await runner.StopAsync(strategyId, userId, Orchestration.StrategyRunStates.Stopped, "deactivated by the user", deactivate: false, ct);
        }
        else if (changed)
        {
            await runner.StartAsync(strategyId, ct);
        }
    }

    /// <summary>Deletes the three rows (with an audit row holding what they were); a conflict while signals or backtests refer to it.</summary>
    public async Task<Outcome> DeleteAsync(Guid userId, Guid strategyId, Actor actor, CancellationToken ct)
    {
        await using var transaction = await StrategyStore.BeginAsync(db, strategyId, ct);
        if (await StrategyStore.LoadForChangeAsync(db, s => s.UserId == userId && s.StrategyId == strategyId, ct) is not { } rows)
        {
            return Outcome.Missing;
        }

        if (rows.Strategy.IsActive == true)
        {
            ownership.EnsureHeld();
        }

        var signals = await db.TradingSignals.CountAsync(s => s.StrategyId == strategyId, ct);
        var backtests = await db.StrategyBacktests.CountAsync(b => b.StrategyId == strategyId, ct);
        if (signals + backtests > 0)
        {
            return new Outcome(null, null,
                $"The strategy has {signals} signal(s) and {backtests} backtest(s) whose history needs it; deactivate it instead (PATCH isActive=false).");
        }

        var entries = new List<EntityEntry> { db.Entry(rows.Strategy) };
        if (rows.Instance is not null)
        {
            entries.Add(db.Entry(rows.Instance));
        }

        if (rows.Config is not null)
        {
            entries.Add(db.Entry(rows.Config));
        }

        audit.Record(db, actor, "STRATEGY_DELETED", StrategyAudit.ResourceType, strategyId.ToString(), oldValues: StrategyAudit.Snapshot([.. entries]));
        foreach (var entry in entries)
        {
            entry.State = EntityState.Deleted;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await ApplyToRunningAsync(userId, strategyId, deactivated: true, changed: true, ct);
        return new Outcome(StrategyView.From(rows), null, null);
    }

    /// <summary>The catalog definition and the seeded row of a template named in a request; an error on <c>template</c> otherwise.</summary>
    internal async Task<(StrategyTemplate? Row, StrategyTemplateDefinition? Definition)> FindTemplateAsync(string? name, ValidationErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("template", "is required: the name of a template of GET /api/v1/strategy-templates.");
            return (null, null);
        }

        var definition = StrategyCatalog.Find(name.Trim());
        var row = definition is null
            ? null
            : await db.StrategyTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.TemplateName == definition.Name && t.IsActive != false, ct);
        if (row is null)
        {
            errors.Add("template", $"'{name}' is not a template of GET /api/v1/strategy-templates.");
            return (null, null);
        }

        return (row, definition);
    }

    private Task<bool> NameTakenAsync(Guid userId, string name, Guid? except, CancellationToken ct) =>
        db.Strategies.AnyAsync(s => s.UserId == userId && s.StrategyName == name && s.StrategyId != except, ct);

    private static string NameConflict(string name) => $"You already have a strategy named '{name}'.";
}
