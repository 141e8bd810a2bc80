using Orchestrator.Domain.Risk;
using static Orchestrator.Domain.Tests.Risk.RiskKit;

namespace Orchestrator.Domain.Tests.Risk;

public sealed class KillSwitchTests
{
    private static readonly Guid UserId = Guid.Parse("0190a000-0000-7000-8000-000000000001");

    // Monday's session opened at 13:30Z; Tuesday's opens at 13:30Z the next day.
    private static readonly DateTimeOffset MondayOpen = new(2026, 3, 9, 13, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayOpen = MondayOpen.AddDays(1);

    [Fact]
    public void Crossing_the_daily_loss_halts_and_asks_to_stop_strategies_and_cancel_working_orders()
    {
        var active = KillSwitch.ActiveFrom(UserId, MondayOpen);

        // Limit 1,000: a loss of 999 changes nothing; 1,000 reaches it.
        Assert.Null(active.OnDailyPnl(-999m, 1_000m, MondayOpen.AddHours(1)).Transition);
        var step = active.OnDailyPnl(-1_000m, 1_000m, MondayOpen.AddHours(2));

        Assert.Equal(new KillSwitchTransition(KillSwitchState.Active, KillSwitchState.Halted, KillSwitchTrigger.DailyLossLimit, MondayOpen.AddHours(2),
            "the day's loss 1000.00 reached the max_daily_loss limit 1000.00",
            KillSwitchActions.StopStrategies | KillSwitchActions.CancelWorkingOrders), step.Transition);
        Assert.Equal(KillSwitchState.Halted, step.Next.State);
        Assert.Equal(MondayOpen.AddHours(2), step.Next.Since);
        // Already halted: a deeper loss moves nothing and asks for nothing more.
        Assert.Equal(KillSwitchActions.None, step.Next.OnDailyPnl(-5_000m, 1_000m, MondayOpen.AddHours(3)).Actions);
    }

    [Fact]
    public void Halted_refuses_an_opening_order_and_accepts_a_closing_one()
    {
        var halted = KillSwitch.ActiveFrom(UserId, MondayOpen).OnDailyPnl(-1_200m, 1_000m, MondayOpen.AddHours(2)).Next;
        var context = Context(RiskProfile.None, 90_000m, Long("AAPL", 100m, 100m));
        context.KillSwitch = halted.State;

        Assert.False(halted.Admits(reducesOnly: false));
        Assert.True(halted.Admits(reducesOnly: true));
        Assert.Equal("kill_switch", RiskChecklist.Check(context, Buy(1m, "MSFT"), 100m)!.Limit);
        Assert.Null(RiskChecklist.Check(context, Sell(100m), 100m));
    }

    [Fact]
    public void The_next_session_open_returns_to_active_and_resumes_strategies()
    {
        var halted = KillSwitch.ActiveFrom(UserId, MondayOpen).OnDailyPnl(-1_200m, 1_000m, MondayOpen.AddHours(2)).Next;

        // Monday's own open is before the halt: nothing. Tuesday's: ACTIVE.
        Assert.Null(halted.OnSessionOpen(MondayOpen).Transition);
        var step = halted.OnSessionOpen(TuesdayOpen);

        Assert.Equal(KillSwitchState.Active, step.Next.State);
        Assert.Equal(KillSwitchTrigger.SessionOpen, step.Transition!.Trigger);
        Assert.Equal(KillSwitchActions.ResumeStrategies, step.Actions);
        Assert.Equal(TuesdayOpen, step.Next.Since);
        // Replaying the same open (a restarted writer) changes nothing.
        Assert.Null(step.Next.OnSessionOpen(TuesdayOpen).Transition);
    }

    [Fact]
    public void Manual_reducing_refuses_openings_cancels_opening_orders_and_ends_at_the_next_open()
    {
        var step = KillSwitch.ActiveFrom(UserId, MondayOpen).Set(KillSwitchState.Reducing, "desk lead: cut risk", MondayOpen.AddHours(1));
        var context = Context(RiskProfile.None, 90_000m, Long("AAPL", 100m, 100m));
        context.KillSwitch = step.Next.State;

        Assert.Equal(new KillSwitchTransition(KillSwitchState.Active, KillSwitchState.Reducing, KillSwitchTrigger.Manual, MondayOpen.AddHours(1),
            "desk lead: cut risk", KillSwitchActions.CancelOpeningOrders), step.Transition);
        Assert.Equal("kill_switch: trading is REDUCING; only orders that reduce a position are accepted",
            RiskChecklist.Check(context, Buy(1m), 100m)!.Message);
        Assert.Null(RiskChecklist.Check(context, Sell(40m), 100m));
        // Setting the same state again is no transition; the next open ends it (strategies were never stopped).
        Assert.Null(step.Next.Set(KillSwitchState.Reducing, "again", MondayOpen.AddHours(2)).Transition);
        Assert.Equal(KillSwitchActions.None, step.Next.OnSessionOpen(TuesdayOpen).Actions);
        Assert.Equal(KillSwitchState.Active, step.Next.OnSessionOpen(TuesdayOpen).Next.State);
    }

    [Fact]
    public void Manual_halt_and_manual_reactivation()
    {
        var halted = KillSwitch.ActiveFrom(UserId, MondayOpen).Set(KillSwitchState.Halted, "operator", MondayOpen.AddHours(1));
        Assert.Equal(KillSwitchActions.StopStrategies | KillSwitchActions.CancelWorkingOrders, halted.Actions);

        var reactivated = halted.Next.Set(KillSwitchState.Active, "operator: resume", MondayOpen.AddHours(2));
        Assert.Equal((KillSwitchState.Active, KillSwitchActions.ResumeStrategies), (reactivated.Next.State, reactivated.Actions));
        // A loss still at the limit halts again on the next P&L update.
        Assert.Equal(KillSwitchState.Halted, reactivated.Next.OnDailyPnl(-1_000m, 1_000m, MondayOpen.AddHours(3)).Next.State);
    }
}
