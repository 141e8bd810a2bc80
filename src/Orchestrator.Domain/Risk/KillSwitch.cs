using System.Globalization;

namespace Orchestrator.Domain.Risk;

/// <summary>One change of a kill switch, with what the caller must do about it.</summary>
public sealed record KillSwitchTransition(
    KillSwitchState From, KillSwitchState To, KillSwitchTrigger Trigger, DateTimeOffset At, string Reason, KillSwitchActions Actions);

/// <summary>The switch after an event, and the transition if it moved (null when nothing changed).</summary>
public sealed record KillSwitchStep(KillSwitch Next, KillSwitchTransition? Transition)
{
    public KillSwitchActions Actions => Transition?.Actions ?? KillSwitchActions.None;
}

/// <summary>
/// A user's kill switch as a pure state machine: immutable, every event takes the instant as input (no clock)
/// and returns the next switch and what the caller must do (<see cref="KillSwitchActions"/>). Transitions:
/// <list type="bullet">
/// <item>the day's loss hits the limit (<see cref="DailyLoss.IsHit"/>) → HALTED, unless already HALTED:
/// stop strategies, cancel working orders;</item>
/// <item>a manual set to any state: → HALTED as above; → REDUCING cancels the working orders that would open
/// exposure; → ACTIVE from HALTED resumes strategies;</item>
/// <item>the next session open → ACTIVE: a switch set before a session's open returns to ACTIVE at that open,
/// manual or not (the day's loss starts again from zero there).</item>
/// </list>
/// In REDUCING and HALTED, opening orders are refused and closing orders pass (<see cref="Admits"/>; the
/// checklist's <see cref="Rules.KillSwitchRule"/>). Setting ACTIVE by hand while the day's loss is still at the
/// limit halts again at the next P&amp;L update, and max_daily_loss refuses openings meanwhile.
/// </summary>
/// <param name="UserId">The user the switch belongs to.</param>
/// <param name="State">The state.</param>
/// <param name="Since">When it entered the state.</param>
/// <param name="Reason">Why (null for the initial ACTIVE).</param>
public sealed record KillSwitch(Guid UserId, KillSwitchState State, DateTimeOffset Since, string? Reason = null)
{
    /// <summary>A user's switch as trading starts: ACTIVE.</summary>
    public static KillSwitch ActiveFrom(Guid userId, DateTimeOffset since) => new(userId, KillSwitchState.Active, since);

    /// <summary>Whether an order passes the switch: anything when ACTIVE, only an order that reduces a position otherwise.</summary>
    public bool Admits(bool reducesOnly) => State == KillSwitchState.Active || reducesOnly;

    /// <summary>The day's P&amp;L moved (after a fill or a mark): HALTED when the loss hits <paramref name="limit"/>.</summary>
    public KillSwitchStep OnDailyPnl(decimal dailyPnl, decimal? limit, DateTimeOffset at)
    {
        if (State == KillSwitchState.Halted || !DailyLoss.IsHit(dailyPnl, limit))
        {
            return new KillSwitchStep(this, null);
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"the day's loss {-dailyPnl:F2} reached the max_daily_loss limit {limit!.Value:F2}");
        return Move(KillSwitchState.Halted, KillSwitchTrigger.DailyLossLimit, at, reason);
    }

    /// <summary>A manual set (an operator or the user); setting the current state changes nothing.</summary>
    public KillSwitchStep Set(KillSwitchState to, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!Enum.IsDefined(to))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "Not a kill switch state.");
        }

        return to == State ? new KillSwitchStep(this, null) : Move(to, KillSwitchTrigger.Manual, at, reason);
    }

    /// <summary>
    /// A session opened at <paramref name="sessionOpen"/> (see <see cref="MarketData.TradingHours.SessionOpen"/>):
    /// a switch set before it returns to ACTIVE. Repeating the call, or passing an open before <see cref="Since"/>,
    /// changes nothing, so a restarted writer may replay the latest open.
    /// </summary>
    public KillSwitchStep OnSessionOpen(DateTimeOffset sessionOpen) =>
        State == KillSwitchState.Active || sessionOpen <= Since
            ? new KillSwitchStep(this, null)
            : Move(KillSwitchState.Active, KillSwitchTrigger.SessionOpen, sessionOpen, "a new session opened");

    private KillSwitchStep Move(KillSwitchState to, KillSwitchTrigger trigger, DateTimeOffset at, string reason)
    {
        var actions = to switch
        {
            KillSwitchState.Halted => KillSwitchActions.StopStrategies | KillSwitchActions.CancelWorkingOrders,
            KillSwitchState.Reducing => KillSwitchActions.CancelOpeningOrders,
            _ when State == KillSwitchState.Halted => KillSwitchActions.ResumeStrategies,
            _ => KillSwitchActions.None,
        };
        var next = this with { State = to, Since = at, Reason = reason };
        return new KillSwitchStep(next, new KillSwitchTransition(State, to, trigger, at, reason, actions));
    }
}
