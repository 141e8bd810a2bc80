using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Live;
using Orchestrator.Server.Strategies;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Orchestration;

/// <summary>The runner's state changes: the watchdog, disabling a failed strategy, run states, the kill switch.</summary>
public sealed partial class StrategyRunner
{
    /// <summary>The watchdog: a unit inside strategy code for longer than the timeout is disabled.</summary>
    private async Task WatchAsync(CancellationToken ct)
    {
        foreach (var unit in _units.Values)
        {
            if (unit.BusyFor > _options.CallTimeout)
            {
                await DisableAsync(unit, $"a call into the strategy ran past the {_options.CallTimeout.TotalSeconds:0.#} s timeout");
            }
        }

        ct.ThrowIfCancellationRequested();
    }

    private async Task DisableAsync(StrategyUnit unit, string reason)
    {
        var definition = unit.Definition;
        if (!_units.TryRemove(new KeyValuePair<Guid, StrategyUnit>(definition.StrategyId, unit)))
        {
            return; // already retired
        }

        Reroute();
        _ = unit.StopAsync(TimeSpan.Zero);
        LogDisabled(definition.Name, definition.StrategyId, reason);
        try
        {
            await SetStateAsync(definition.StrategyId, definition.UserId, StrategyRunStates.Disabled, reason, deactivate: true, CancellationToken.None);
            await using var db = OrchestratorDbContext.Create(_connections);
            var alert = new RiskAlert
            {
                UserId = definition.UserId,
                AlertType = "STRATEGY_FAILURE",
                Severity = "HIGH",
                Title = $"Strategy {definition.Name} disabled",
                Message = $"strategy_failure: {definition.Name} was stopped and deactivated: {reason}. Its open positions and orders are left as they are.",
                RiskMetrics = System.Text.Json.JsonSerializer.Serialize(new { strategy_id = definition.StrategyId, reason }),
                IsAcknowledged = false,
                CreatedAt = _time.GetUtcNow().UtcDateTime,
            };
            db.RiskAlerts.Add(alert);
            await db.SaveChangesAsync();
            await _alerts.PublishRaisedAsync([alert], CancellationToken.None);
        }
        catch (Exception error)
        {
            LogStateFailed(error, definition.StrategyId);
        }
    }

    /// <summary>
    /// Stores a strategy's run state, audited, and tells the user. To disable it, is_active turns false on all three of
    /// its rows (strategies, user_strategies, strategy_configs) in the same transaction, as a stop by its user does.
    /// </summary>
    private async Task SetStateAsync(Guid strategyId, Guid userId, string state, string reason, bool deactivate, CancellationToken ct)
    {
        await using var db = OrchestratorDbContext.Create(_connections);
        await using var transaction = await StrategyStore.BeginAsync(db, strategyId, ct);
        var row = await db.UserStrategies.FirstOrDefaultAsync(u => u.UserStrategyId == strategyId, ct);
        if (row is null)
        {
            return;
        }

        if (deactivate && await StrategyStore.LoadForChangeAsync(db, s => s.StrategyId == strategyId, ct) is { } rows)
        {
            StrategyRows.Deactivate(rows);
        }

        var now = _time.GetUtcNow();
        row.RunState = state;
        row.RunStateReason = reason;
        row.RunStateChangedAt = now.UtcDateTime;
        _audit.RecordUpdate(db, RunnerActor, "STRATEGY_RUN_STATE", "STRATEGY", strategyId.ToString(), db.Entry(row));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await _events.PublishAsync(userId, UserEvent.Of("strategy_state", new { strategyId, state, reason, isActive = row.IsActive, changedAt = now }), ct);
    }

    /// <summary>The kill switch moved: a halt stops the user's strategies (HALTED); a resume starts the HALTED ones again.</summary>
    private void OnKillSwitch(Guid userId, KillSwitchTransition transition)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                if (transition.Actions.HasFlag(KillSwitchActions.StopStrategies))
                {
                    foreach (var unit in _units.Values.Where(u => u.Definition.UserId == userId).ToList())
                    {
                        await StopAsync(unit.Definition.StrategyId, userId, StrategyRunStates.Halted, transition.Reason, deactivate: false, CancellationToken.None);
                    }
                }
                else if (transition.Actions.HasFlag(KillSwitchActions.ResumeStrategies))
                {
                    List<Guid> halted;
                    await using (var db = OrchestratorDbContext.Create(_connections))
                    {
                        halted = await db.UserStrategies.AsNoTracking()
                            .Where(u => u.UserId == userId && u.IsActive == true && u.RunState == StrategyRunStates.Halted)
                            .Select(u => u.UserStrategyId).ToListAsync();
                    }

                    foreach (var id in halted)
                    {
                        await StartAsync(id, CancellationToken.None);
                    }
                }
            }
            catch (Exception error)
            {
                LogKillSwitchFailed(error, userId);
            }
        });
    }
}
