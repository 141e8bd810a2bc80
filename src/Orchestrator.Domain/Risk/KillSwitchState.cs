namespace Orchestrator.Domain.Risk;

/// <summary>A user's kill switch: ACTIVE trades normally; REDUCING and HALTED accept only orders that reduce a position.</summary>
public enum KillSwitchState
{
    Active,

    /// <summary>Opening orders are refused, closing orders pass; strategies keep running (their exits still close).</summary>
    Reducing,

    /// <summary>As REDUCING, and strategies stop and working orders are cancelled.</summary>
    Halted,
}

/// <summary>What the caller must do after a kill-switch transition; the switch itself does no I/O.</summary>
[Flags]
public enum KillSwitchActions
{
    None = 0,

    /// <summary>Stop the user's running strategies (no new signals).</summary>
    StopStrategies = 1,

    /// <summary>Cancel every working order of the user's accounts.</summary>
    CancelWorkingOrders = 2,

    /// <summary>Cancel the working orders that would open or increase exposure; those that only reduce stay.</summary>
    CancelOpeningOrders = 4,

    /// <summary>Restart the strategies a halt stopped.</summary>
    ResumeStrategies = 8,
}

/// <summary>What moved the switch.</summary>
public enum KillSwitchTrigger
{
    DailyLossLimit,
    Manual,
    SessionOpen,
}

public static class KillSwitchStateExtensions
{
    /// <summary>ACTIVE, REDUCING or HALTED.</summary>
    public static string ToName(this KillSwitchState state) => state switch
    {
        KillSwitchState.Active => "ACTIVE",
        KillSwitchState.Reducing => "REDUCING",
        KillSwitchState.Halted => "HALTED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
