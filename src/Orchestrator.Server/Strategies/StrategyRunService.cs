using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Orchestration;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// Starting and stopping a user's strategy, and what its runner is doing. Start stores where the strategy trades
/// (<c>user_strategies.account_id</c>, <c>symbols</c>) and makes it active on all three of its rows
/// (<see cref="StrategyRows"/>: they never disagree), audited, in one transaction; then hands it to the
/// <see cref="StrategyRunner"/>, which records the run state. The transaction is committed before the runner is
/// called: the runner writes the run state on its own connection (on SQLite a second writer would wait for ours).
/// Stop is the reverse, and stopping a stopped strategy is no error. Every query is scoped to the caller.
/// </summary>
public sealed class StrategyRunService(OrchestratorDbContext db, AuditTrail audit, StrategyRunner runner, TradingOwnership ownership, TimeProvider time)
{
    public const int MaxSymbols = 100;

    public sealed record Outcome(StrategyStatusView? Status, ValidationErrors? Errors = null, string? Conflict = null)
    {
        public static Outcome Missing { get; } = new(Status: null);
    }

    /// <summary>Validates and stores the request, makes the strategy active, then starts it in the runner.</summary>
    public async Task<Outcome> StartAsync(Guid userId, Guid strategyId, StartStrategyRequest request, Actor actor, CancellationToken ct)
    {
        // Strategies run where trading runs: elsewhere the start would be stored and run by no one (a 503, nothing stored).
        ownership.EnsureHeld();
        if (await ActivateAsync(userId, strategyId, request, actor, ct) is { } refused)
        {
            return refused;
        }

        if (await runner.StartAsync(strategyId, ct) is { } problem)
        {
            var state = await db.UserStrategies.AsNoTracking().Where(u => u.UserStrategyId == strategyId).Select(u => u.RunState).SingleOrDefaultAsync(ct);
            if (state != StrategyRunStates.Disabled)
            {
                // Not disabled: a stop came between our commit and the runner's read.
                return new Outcome(null, Conflict: $"The strategy was stopped while it started ({problem}).");
            }

            // The runner disabled it: is_active false on all three rows, in its own transaction.
            return new Outcome(null, new ValidationErrors().Add("strategy", $"cannot run: {problem}."));
        }

        return new Outcome(await StatusAsync(userId, strategyId, ct));
    }

    /// <summary>
    /// The stored half of a start: account, symbols and is_active true on the three rows, with a
    /// <c>STRATEGY_STARTED</c> audit row. Null when done; otherwise the refusal (nothing is stored). The runner
    /// starts such a strategy when it next starts its stored strategies (what the demo relies on).
    /// </summary>
    public async Task<Outcome?> ActivateAsync(Guid userId, Guid strategyId, StartStrategyRequest request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var transaction = await StrategyStore.BeginAsync(db, strategyId, ct);
        if (await StrategyStore.LoadForChangeAsync(db, s => s.UserId == userId && s.StrategyId == strategyId, ct) is not { } rows)
        {
            return Outcome.Missing;
        }

        var errors = new ValidationErrors();
        var accountId = request.AccountId ?? rows.Instance?.AccountId;
        if (accountId is null)
        {
            errors.Add("accountId", "is required: the strategy has no account yet (one of GET /api/v1/accounts).");
        }
        else if (!await db.UserBrokerAccounts.AnyAsync(a => a.AccountId == accountId && a.UserId == userId && a.DeletedAt == null, ct))
        {
            errors.Add("accountId", $"'{accountId}' is not one of your accounts (GET /api/v1/accounts).");
        }

        var symbols = await SymbolsAsync((IReadOnlyList<string>?)request.Symbols ?? Stored(rows.Instance?.Symbols), errors, ct);
        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        var (current, problem) = StrategyRows.Read(rows);
        if (current is null)
        {
            return new Outcome(null, new ValidationErrors().Add("strategy", $"cannot run: {problem}"));
        }

        StrategyRows.Write(current with { IsActive = true }, rows.Strategy, rows.Instance!, rows.Config!);
        rows.Instance!.AccountId = accountId;
        rows.Instance.Symbols = StoredJson.Text(rows.Instance.Symbols, new JsonArray([.. symbols.Select(s => JsonValue.Create(s))]));
        Audit(rows, actor, "STRATEGY_STARTED", new { accountId, symbols });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Makes the strategy inactive on its three rows (audited <c>STRATEGY_STOPPED</c>), then stops it in the runner (run state STOPPED).</summary>
    public async Task<Outcome> StopAsync(Guid userId, Guid strategyId, Actor actor, CancellationToken ct)
    {
        ownership.EnsureHeld();
        await using (var transaction = await StrategyStore.BeginAsync(db, strategyId, ct))
        {
            if (await StrategyStore.LoadForChangeAsync(db, s => s.UserId == userId && s.StrategyId == strategyId, ct) is not { } rows)
            {
                return Outcome.Missing;
            }

            StrategyRows.Deactivate(rows);
            Audit(rows, actor, "STRATEGY_STOPPED", null);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await runner.StopAsync(strategyId, userId, StrategyRunStates.Stopped, "stopped by the user", deactivate: true, ct);
        return new Outcome(await StatusAsync(userId, strategyId, ct));
    }

    /// <summary>One of the caller's strategies' status (null when it is not the caller's).</summary>
    public async Task<StrategyStatusView?> StatusAsync(Guid userId, Guid strategyId, CancellationToken ct) =>
        (await StatusesAsync(userId, strategyId, ct)).SingleOrDefault();

    /// <summary>The status of every strategy of the caller (or of one), oldest first.</summary>
    public async Task<IReadOnlyList<StrategyStatusView>> StatusesAsync(Guid userId, Guid? strategyId, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // the runner wrote the run state on its own connection: read it fresh
        var rows = await StrategyStore.LoadAsync(db, s => s.UserId == userId && (strategyId == null || s.StrategyId == strategyId), tracked: false, ct);
        var running = runner.Running.ToHashSet();
        return rows.Select(r =>
        {
            var performance = StrategyPerformanceView.From(r.Strategy);
            var progress = runner.Progress(r.Strategy.StrategyId);
            return new StrategyStatusView(r.Strategy.StrategyId, r.Strategy.StrategyName, r.Strategy.IsActive == true,
                r.Instance?.RunState ?? StrategyRunStates.Stopped, r.Instance?.RunStateReason, r.Instance?.RunStateChangedAt, r.Instance?.AccountId,
                Stored(r.Instance?.Symbols) ?? [], running.Contains(r.Strategy.StrategyId), progress?.Bars, progress?.Signals,
                performance.TotalTrades, performance.TotalPnl, performance.WinRate, performance.MaxDrawdown, performance.LastRunAt);
        }).ToList();
    }

    /// <summary>The symbols, trimmed, upper-cased and distinct, when there are 1 to 100 and all are in <c>market_symbols</c>; else errors on <c>symbols</c>.</summary>
    private async Task<List<string>> SymbolsAsync(IReadOnlyList<string>? requested, ValidationErrors errors, CancellationToken ct)
    {
        if (requested is null || requested.Count == 0)
        {
            errors.Add("symbols", $"is required: 1 to {MaxSymbols} symbols of GET /api/v1/symbols.");
            return [];
        }

        if (requested.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("symbols", "must not contain blank symbols.");
            return [];
        }

        var symbols = requested.Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (symbols.Count > MaxSymbols)
        {
            errors.Add("symbols", $"must list at most {MaxSymbols} symbols ({symbols.Count} given).");
            return [];
        }

        var known = await db.MarketSymbols.AsNoTracking().Where(s => symbols.Contains(s.Symbol)).Select(s => new { s.Symbol, s.IsActive }).ToListAsync(ct);
        var unknown = symbols.Except(known.Select(s => s.Symbol), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("symbols", $"{string.Join(", ", unknown.Select(s => $"'{s}'"))} {(unknown.Count == 1 ? "is not a symbol" : "are not symbols")} of GET /api/v1/symbols.");
        }

        // An inactive symbol takes no new orders (OrderRequestValidator), so a strategy may not start trading it.
        var inactive = known.Where(s => s.IsActive == false).Select(s => s.Symbol).Order(StringComparer.Ordinal).ToList();
        if (inactive.Count > 0)
        {
            errors.Add("symbols", $"{string.Join(", ", inactive.Select(s => $"'{s}'"))} {(inactive.Count == 1 ? "is" : "are")} inactive in the symbol universe.");
        }

        return symbols;
    }

    /// <summary>One audit row for the start or stop, with the columns it changed (none when it changed nothing) and <paramref name="metadata"/>.</summary>
    private void Audit(StrategyRowSet rows, Actor actor, string action, object? metadata)
    {
        EntityEntry[] entries = [db.Entry(rows.Strategy), .. rows.Instance is null ? Array.Empty<EntityEntry>() : [db.Entry(rows.Instance)],
            .. rows.Config is null ? Array.Empty<EntityEntry>() : [db.Entry(rows.Config)]];
        var (oldValues, newValues) = StrategyAudit.Changes(entries);
        if (oldValues is not null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            rows.Strategy.UpdatedAt = now;
            if (rows.Instance is { } instance)
            {
                instance.UpdatedAt = now;
            }

            if (rows.Config is { } config)
            {
                config.UpdatedAt = now;
            }
        }

        audit.Record(db, actor, action, StrategyAudit.ResourceType, rows.Strategy.StrategyId.ToString(), oldValues, newValues, metadata);
    }

    private static List<string>? Stored(string? symbols) => symbols is null ? null : JsonSerializer.Deserialize<List<string>>(symbols);
}
