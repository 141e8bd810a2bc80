using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Live;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;
using DomainKillSwitch = Orchestrator.Domain.Risk.KillSwitch;

namespace Orchestrator.Server.Risk.KillSwitch;

/// <summary>
/// Moves a user's kill switch (users.trading_state) and carries out what the move asks for
/// (<see cref="KillSwitchActions"/>): the rules are the domain's <see cref="DomainKillSwitch"/>; this class loads the
/// stored switch, stores the next one with an audit row (and, for a daily loss halt, a CRITICAL DAILY_LOSS risk
/// alert), tells the account writers to reload the user's risk settings, cancels the working orders the move
/// asks to cancel, tells the user's stream (<c>trading_state</c>, and <c>risk_alert</c>/<c>risk_alert_updated</c>
/// for the alert), then raises <see cref="Changed"/> (strategy runners stop or resume on it). Moves are serialized:
/// they are rare, and two accounts breaching at once must halt the user once.
/// </summary>
public sealed partial class KillSwitchService(
    ConnectionFactory connections, AuditTrail audit, RiskEpochs epochs, AccountWriters writers, TradingOwnership ownership, RiskAlertPublisher alerts,
    IUserEventHub events, TimeProvider time, ILogger<KillSwitchService> log)
{
    public const string DailyLossAlert = "DAILY_LOSS";

    private static readonly Actor PlatformActor = Actor.Platform("kill switch", "risk/kill-switch");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>After a move has been stored and its cancellations made: the user and the transition.</summary>
    public event Action<Guid, KillSwitchTransition>? Changed;

    /// <summary>A manual set by the user or an operator; null when the switch was already in that state.</summary>
    public Task<KillSwitchTransition?> SetAsync(Guid userId, KillSwitchState to, string reason, Actor actor, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        return MoveAsync(userId, s => s.Set(to, reason, at), actor, "TRADING_STATE_SET", null, ct);
    }

    /// <summary>An account's day loss reached the limit: HALTED, with a CRITICAL alert (once while it stands).</summary>
    public Task<KillSwitchTransition?> TripAsync(DailyLossBreach breach, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(breach);
        return MoveAsync(breach.UserId, s => s.OnDailyPnl(breach.DailyPnl, breach.Limit, breach.At), PlatformActor, "KILL_SWITCH_TRIPPED",
            (db, t, c) => RaiseDailyLossAlertAsync(db, breach, t, c), ct);
    }

    /// <summary>
    /// Every switch set before the latest session open (New York equities) returns to ACTIVE, its DAILY_LOSS alert
    /// resolved; returns how many moved.
    /// </summary>
    public async Task<int> ResetAtSessionOpenAsync(CancellationToken ct)
    {
        if (TradingHours.UsEquities.LastSessionOpen(time.GetUtcNow()) is not { } open)
        {
            return 0;
        }

        List<Guid> due;
        await using (var db = OrchestratorDbContext.Create(connections))
        {
            var before = open.UtcDateTime;
            due = await db.Users.AsNoTracking()
                .Where(u => u.TradingState != "ACTIVE" && (u.TradingStateChangedAt == null || u.TradingStateChangedAt < before))
                .Select(u => u.UserId).ToListAsync(ct);
        }

        var moved = 0;
        foreach (var userId in due)
        {
            if (await MoveAsync(userId, s => s.OnSessionOpen(open), PlatformActor, "KILL_SWITCH_RESET", (db, t, c) => ResolveDailyLossAlertsAsync(db, userId, t, c), ct) is not null)
            {
                moved++;
            }
        }

        return moved;
    }

    private async Task<KillSwitchTransition?> MoveAsync(Guid userId, Func<DomainKillSwitch, KillSwitchStep> move, Actor actor, string action,
        Func<OrchestratorDbContext, KillSwitchTransition, CancellationToken, Task<IReadOnlyList<RiskAlert>>>? alongside, CancellationToken ct)
    {
        // The writers and runners that act on a move live in the process that runs trading: elsewhere it would be stored
        // and not carried out (a 503, nothing stored).
        ownership.EnsureHeld();
        KillSwitchTransition transition;
        IReadOnlyList<RiskAlert> touched = [];
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = OrchestratorDbContext.Create(connections);
            var user = await db.Users.FirstAsync(u => u.UserId == userId, ct);
            var current = new DomainKillSwitch(userId, Enum.Parse<KillSwitchState>(user.TradingState, ignoreCase: true),
                new DateTimeOffset(DateTime.SpecifyKind(user.TradingStateChangedAt ?? DateTime.MinValue, DateTimeKind.Utc)), user.TradingStateReason);
            if (move(current).Transition is not { } moved)
            {
                return null;
            }

            transition = moved;
            user.TradingState = transition.To.ToName();
            user.TradingStateReason = transition.Reason;
            user.TradingStateChangedAt = transition.At.UtcDateTime;
            audit.RecordUpdate(db, actor, action, "user", userId.ToString(), db.Entry(user));
            if (alongside is not null)
            {
                touched = await alongside(db, transition, ct);
            }

            await db.SaveChangesAsync(ct);
        }
        finally
        {
            _gate.Release();
        }

        epochs.Changed(userId);
        LogMoved(userId, transition.From.ToName(), transition.To.ToName(), transition.Reason);
        await CancelAsync(userId, transition.Actions, actor, ct);
        await events.PublishAsync(userId, UserEvent.Of("trading_state", new
        {
            state = transition.To.ToName(), previous = transition.From.ToName(), reason = transition.Reason, changedAt = transition.At, trigger = transition.Trigger.ToString(),
        }), ct);
        await alerts.PublishRaisedAsync(touched.Where(static a => a.ResolvedAt is null), ct);
        await alerts.PublishUpdatedAsync(touched.Where(static a => a.ResolvedAt is not null), ct);
        Changed?.Invoke(userId, transition);
        return transition;
    }

    /// <summary>Cancels the working orders the move asks for, in every account of the user.</summary>
    private async Task CancelAsync(Guid userId, KillSwitchActions actions, Actor actor, CancellationToken ct)
    {
        var all = actions.HasFlag(KillSwitchActions.CancelWorkingOrders);
        if (!all && !actions.HasFlag(KillSwitchActions.CancelOpeningOrders))
        {
            return;
        }

        List<Guid> accounts;
        await using (var db = OrchestratorDbContext.Create(connections))
        {
            accounts = await db.UserBrokerAccounts.AsNoTracking().Where(a => a.UserId == userId && a.DeletedAt == null).Select(a => a.AccountId).ToListAsync(ct);
        }

        foreach (var accountId in accounts)
        {
            await writers.CancelWorkingAsync(accountId, actor, openingOnly: !all, ct);
        }
    }

    private static async Task<IReadOnlyList<RiskAlert>> RaiseDailyLossAlertAsync(OrchestratorDbContext db, DailyLossBreach breach, KillSwitchTransition transition, CancellationToken ct)
    {
        if (await db.RiskAlerts.AnyAsync(a => a.UserId == breach.UserId && a.AlertType == DailyLossAlert && a.ResolvedAt == null, ct))
        {
            return [];
        }

        var loss = -breach.DailyPnl;
        var alert = new RiskAlert
        {
            UserId = breach.UserId,
            AlertType = DailyLossAlert,
            Severity = "CRITICAL",
            Title = "Daily loss limit reached: trading halted",
            Message = string.Create(CultureInfo.InvariantCulture,
                $"max_daily_loss: the day's loss {loss:F2} reached the limit {breach.Limit:F2}; working orders were cancelled, strategies stopped and only orders that reduce a position are accepted until the next session"),
            CurrentValue = decimal.Round(loss, 8),
            ThresholdValue = breach.Limit,
            ViolationPercentage = decimal.Round((loss / breach.Limit) - 1m, 6),
            RiskMetrics = JsonSerializer.Serialize(new { daily_pnl = breach.DailyPnl, account_id = breach.AccountId, kill_switch = transition.To.ToName() }, Json),
            IsAcknowledged = false,
            CreatedAt = transition.At.UtcDateTime,
        };
        db.RiskAlerts.Add(alert);
        return [alert];
    }

    private static async Task<IReadOnlyList<RiskAlert>> ResolveDailyLossAlertsAsync(OrchestratorDbContext db, Guid userId, KillSwitchTransition transition, CancellationToken ct)
    {
        var open = await db.RiskAlerts.Where(a => a.UserId == userId && a.AlertType == DailyLossAlert && a.ResolvedAt == null).ToListAsync(ct);
        foreach (var alert in open)
        {
            alert.ResolvedAt = transition.At.UtcDateTime;
            alert.ResolutionAction = "a new session opened: trading resumed";
        }

        return open;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kill switch of user {UserId}: {From} -> {To} ({Reason})")]
    private partial void LogMoved(Guid userId, string from, string to, string reason);
}
